import { randomUUID } from 'node:crypto';
import type { ServedRequest } from '../contract/served-request.js';
import type { CircuitStats, CoreEvent, ProofLogEntry, Standing } from '../contract/events.js';
import type { RefusalSummary } from '../contract/refusals.js';
import { circuitStats } from '../contract/proof-log-stats.js';
import type { Caller, Sn2Server } from '../sn2/transport/sn2-transport.js';
import { errorMessage } from '../util/errors.js';
import { FailureSignal } from '../util/failure-signal.js';
import { blacklistReason, type BlacklistPolicy, type CallerInfo } from './blacklist.js';
import type { CircuitProver } from './circuit-prover.js';
import type { MinerChain, MinerMetagraph } from './miner-ports.js';
import { ProofScheduler } from './proof-scheduler.js';
import { ProofTimeEstimator } from './proof-time-estimator.js';
import { RefusalTracker } from './refusals.js';
import { capacitiesOf } from './routes/capacities.js';
import { handleCompetition } from './routes/competition.js';
import { handleProofOfWeights } from './routes/proof-of-weights.js';
import { handleQueryZkProof, type RouteOutcome } from './routes/query-zk-proof.js';
import type { CallerContext } from './routes/request-context.js';
import { minerStanding } from './standing.js';

export interface MinerOptions {
  /** The miner's hotkey (ss58): the one the server signs with and the metagraph lists. */
  hotkey: string;
  prover: CircuitProver;
  /** null: `--no-chain` (diagnostics/tests): every route served, blacklist off. */
  chain: MinerChain | null;
  /** Public IP announced on chain (resolved by the caller; manual override wins). */
  externalIp?: string;
  blacklist: BlacklistPolicy;
  capacities?: Record<string, number>;
  competitionOnly?: boolean;
  /** Proofs at once (the prover pool size). */
  concurrency: number;
  emit: (event: CoreEvent) => void;
  /** ms between metagraph syncs (upstream: at most hourly); also the deregistration watch. */
  resyncMs?: number;
  /** Where SN2's messages are served (a protocol adapter, e.g. `v10Server` in core/sn2/transport). */
  server: Sn2Server;
}

export class MinerNotRegisteredError extends Error {
  override readonly name = 'MinerNotRegisteredError';
  constructor(hotkey: string, network: string, netuid: number) {
    super(
      `hotkey ${hotkey} is not registered on netuid ${netuid} (${network}). Register it first: ` +
        `in the app (Mining → Register) or "btcli subnet register --netuid ${netuid} --subtensor.network ${network}"; ` +
        `registration burns TAO, check the cost with "sn2 chain cost"`,
    );
  }
}

/**
 * The SN2 miner (§7): an axon with the four SN2 routes + ping, the blacklist before any work, proofs
 * admitted by a fair, stake-ordered scheduler and run concurrently on the prover pool; every request a
 * proof-log entry; per-circuit stats and on-chain standing as events.
 */
export class Miner {
  private readonly server: Sn2Server;
  private readonly scheduler: ProofScheduler;
  private readonly estimator = new ProofTimeEstimator();
  private readonly stopping = new AbortController();
  private meta: MinerMetagraph | undefined;
  private callers = new Map<string, CallerInfo>();
  private timer: NodeJS.Timeout | undefined;
  private readonly entries: ProofLogEntry[] = [];
  private address: { host: string; port: number } | undefined;
  private wasRegistered = false;
  private pendingChecks = new Set<Promise<void>>();
  /** Proof requests being answered; stop() lets them finish and reply before closing the axon. */
  private readonly answering = new Set<Promise<unknown>>();
  private readonly health = new FailureSignal();
  private readonly refused: RefusalTracker;

  constructor(private readonly o: MinerOptions) {
    this.scheduler = new ProofScheduler({ concurrency: o.concurrency, estimateMs: this.estimator.estimate });
    this.server = o.server;
    this.server.onError((err) => this.health.fail(`the axon server failed: ${errorMessage(err)}`));
    // Refusals (401/403/429/500/503…) are counted and logged aggregated, never a line per request.
    this.refused = new RefusalTracker({
      log: (level, msg) => this.log(level, msg),
      onSummary: (summary) => o.emit({ type: 'refusals', summary }),
    });
    this.server.onRequest((request) => this.refused.record(request));
    this.serveRoutes();
  }

  /** Every request the axon answered (route, HTTP status, timings), refusals included: for metrics. */
  onRequest(listener: (request: ServedRequest) => void): () => void {
    return this.server.onRequest(listener);
  }

  /** Health hook: called once if the miner dies while serving (its axon server fails). */
  onFailure(listener: (reason: string) => void): void {
    this.health.onFailure(listener);
  }

  get hotkey(): string {
    return this.o.hotkey;
  }

  get endpoint(): { host: string; port: number } | undefined {
    return this.address;
  }

  get inFlight(): number {
    const s = this.scheduler.stats;
    return s.running + s.queued;
  }

  /** Refuse new proofs (the reason goes to the proof log) until resume(); started proofs finish. */
  pause(reason: string): void {
    this.scheduler.pause(reason);
  }

  resume(): void {
    this.scheduler.resume();
  }

  stats(): CircuitStats[] {
    return circuitStats(this.entries);
  }

  /** Requests the axon refused since the miner was made, by reason and caller. */
  refusals(): RefusalSummary {
    return this.refused.summary();
  }

  async start(): Promise<{ host: string; port: number }> {
    if (this.o.chain) await this.sync(true);
    this.address = await this.server.start();
    if (this.o.chain) await this.serveIfChanged();
    if (this.o.chain)
      this.timer = setInterval(
        () => void this.sync(false).catch((e) => this.log('warn', errorMessage(e))),
        this.o.resyncMs ?? 3_600_000,
      );
    return this.address;
  }

  /** Refuses new work, lets every proof already started finish and reply, then closes the axon. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.scheduler.stop();
    await Promise.allSettled(this.answering);
    // The replies were handed to the sockets in the same turn; let them flush before closing.
    await new Promise((r) => setTimeout(r, 50));
    await this.server.stop();
    this.stopping.abort();
    await Promise.allSettled(this.pendingChecks);
    this.refused.stop();
  }

  private async sync(first: boolean): Promise<void> {
    const chain = this.o.chain;
    if (!chain) return;
    const meta = await chain.metagraph();
    const me = meta.neurons.find((n) => n.hotkey === this.hotkey);
    if (!me) {
      if (first) throw new MinerNotRegisteredError(this.hotkey, chain.network, chain.netuid);
      this.o.emit({
        type: 'notification',
        level: 'error',
        title: 'Miner deregistered',
        body: `hotkey ${this.hotkey} is no longer registered on netuid ${chain.netuid}; validators will stop querying it`,
      });
    }
    if (me) this.wasRegistered = true;
    this.meta = meta;
    this.callers = new Map(
      meta.neurons.map((n) => [n.hotkey, { uid: n.uid, stake: n.stake, validatorPermit: n.validatorPermit }]),
    );
    this.o.emit({ type: 'standing', standing: this.standing() });
  }

  /** Re-read the metagraph now (standing event, deregistration notice) and return the standing. */
  async refreshStanding(): Promise<Standing> {
    await this.sync(false);
    return this.standing();
  }

  standing(): Standing {
    const chain = this.o.chain;
    return minerStanding(
      this.hotkey,
      chain?.network ?? 'none',
      chain?.netuid ?? 0,
      this.meta,
      this.stats(),
      this.wasRegistered,
    );
  }

  private async serveIfChanged(): Promise<void> {
    const chain = this.o.chain;
    const me = this.meta?.neurons.find((n) => n.hotkey === this.hotkey);
    if (!chain || !me || !this.address) return;
    const ip = this.o.externalIp;
    if (!ip) {
      this.log('warn', 'no external IP known: the on-chain axon was not updated (set --axon.external_ip)');
      return;
    }
    if (me.axon && me.axon.ip === ip && me.axon.port === this.address.port) return;
    const r = await chain.serveAxon(ip, this.address.port);
    this.log(
      'info',
      `served axon ${ip}:${this.address.port} on chain${r.block ? ` at block ${r.block}` : ''}`,
    );
  }

  private blacklist(hotkey: string | null): string | null {
    const policy = this.o.chain ? this.o.blacklist : { disabled: true };
    const reason = blacklistReason(hotkey ?? '', (h) => this.callers.get(h), policy);
    return reason ?? null;
  }

  private track<T>(answer: Promise<T>): Promise<T> {
    this.answering.add(answer);
    void answer.finally(() => this.answering.delete(answer)).catch(() => undefined);
    return answer;
  }

  private caller(c: Caller): CallerContext {
    const info = this.callers.get(c.hotkey);
    return {
      hotkey: c.hotkey,
      uid: info?.uid,
      stake: info?.stake ?? 0,
      receivedAt: performance.now(),
      timeoutSeconds: c.timeoutSeconds ?? 12,
    };
  }

  private serveRoutes(): void {
    const deps = () => ({
      prover: this.o.prover,
      scheduler: this.scheduler,
      estimator: this.estimator,
      signal: this.stopping.signal,
      competitionOnly: this.o.competitionOnly ?? false,
    });
    // The two proof messages: stake-ordered, tracked until answered, logged with timings.
    const proofRoute =
      <Q, A>(handle: (q: Q, caller: CallerContext, d: ReturnType<typeof deps>) => Promise<RouteOutcome<A>>) =>
      (query: Q, c: Caller): Promise<A> =>
        this.track(
          (async () => {
            const caller = this.caller(c);
            return this.finish(await handle(query, caller, deps()), caller.receivedAt);
          })(),
        );
    this.server.serve({
      blacklist: (hotkey) => this.blacklist(hotkey),
      priority: (hotkey) => this.callers.get(hotkey ?? '')?.stake ?? 0,
      queryZkProof: proofRoute(handleQueryZkProof),
      proofOfWeights: proofRoute(handleProofOfWeights),
      // While paused, capacity 0 everywhere tells validators not to send work they would see refused.
      capacities: async () =>
        this.scheduler.pausedReason
          ? Object.fromEntries(this.o.prover.circuitIds().map((id) => [id, 0]))
          : capacitiesOf(this.o.prover, this.o.capacities ?? {}),
      competition: handleCompetition,
    });
  }

  /** Emit the proof-log entry; a produced proof is self-checked after the reply (no added latency). */
  private finish<A>(outcome: RouteOutcome<A>, receivedAt: number): A {
    const totalMs = performance.now() - receivedAt;
    const base: ProofLogEntry = {
      id: randomUUID(),
      at: Date.now() - totalMs,
      role: 'miner',
      totalMs,
      ...outcome.log,
    };
    const proof = outcome.proof;
    const verify = this.o.prover.verify;
    if (proof && verify) {
      const check = (async () => {
        const t = performance.now();
        let ok = false;
        let error: string | undefined;
        try {
          ok = await verify.call(this.o.prover, base.circuitId, proof.result, proof.input);
          if (!ok) error = 'our own proof did not verify';
        } catch (err) {
          error = `self-check failed: ${errorMessage(err)}`;
        }
        this.record({
          ...base,
          verifyMs: performance.now() - t,
          status: ok ? 'self-checked' : 'failed',
          error,
        });
      })();
      this.pendingChecks.add(check);
      void check.finally(() => this.pendingChecks.delete(check));
    } else this.record(base);
    return outcome.answer;
  }

  private record(entry: ProofLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > 5000) this.entries.splice(0, this.entries.length - 5000);
    this.o.emit({ type: 'proof', entry });
    this.o.emit({ type: 'circuitStats', stats: this.stats() });
  }

  private log(level: 'debug' | 'info' | 'warn' | 'error', msg: string): void {
    this.o.emit({ type: 'log', level, component: 'miner', msg, at: Date.now() });
  }
}
