import type { CoreEvent } from '../contract/events.js';
import { CAPACITY_TIMEOUT_SECONDS, MAX_CONCURRENT_REQUESTS } from '../sn2/constants.js';
import type { PeerAddress, Sn2Client } from '../sn2/transport/sn2-transport.js';
import { errorMessage } from '../util/errors.js';
import { FailureSignal } from '../util/failure-signal.js';
import { ExternalRequestQueue } from './external-queue.js';
import { HashGuard } from './hash-guard.js';
import { queryMiner, type RealWorldProof, type ValidatorCounters } from './query-miner.js';
import { queryableUids, type QueryablePolicy } from './queryable.js';
import type { ValidatorCircuit } from './request/build-request.js';
import type { ProofVerifier } from './response/process-response.js';
import { ScoreManager } from './scoring/score-manager.js';
import { ScoreStore } from './scoring/score-store.js';
import type { WitnessCalculator } from './scoring/witness.js';
import { setWeights } from './set-weights.js';
import type { ValidatorChain, ValidatorMetagraph } from './validator-ports.js';
import type { WeightGateOptions } from './weights/weight-gate.js';

export type { ValidatorCounters } from './query-miner.js';

export interface ValidatorOptions {
  netuid: number;
  hotkey: string;
  chain: ValidatorChain;
  /** How miners are called (a protocol adapter, e.g. `v10Client(hotkey)` in core/sn2/transport). */
  client: Sn2Client;
  circuits: ReadonlyMap<string, ValidatorCircuit>;
  verify: ProofVerifier;
  witness: WitnessCalculator;
  /** File of the persisted scoring state. */
  statePath: string;
  emit: (event: CoreEvent) => void;
  queryable?: QueryablePolicy;
  /** Where to reach a uid's axon; default: its on-chain address (practice maps to loopback). */
  resolveAxon?: (
    uid: number,
    onChain: { ip: string; port: number } | null,
  ) => { ip: string; port: number } | null;
  weightGate?: WeightGateOptions;
  concurrency?: number;
  /** Intervals in ms (upstream: metagraph 1 h, queryable 5 min, weights 1 min, capacities 1 h). */
  intervals?: Partial<Record<'metagraph' | 'queryable' | 'weights' | 'capacities', number>>;
  /** Only for tests and practice: stop after this many requests finished. */
  maxRequests?: number;
  /** Each verified real-world (external API) proof, e.g. for proof publishing (§12). */
  onRealWorldProof?: (p: RealWorldProof) => void;
}

export class ValidatorNotRegisteredError extends Error {
  override readonly name = 'ValidatorNotRegisteredError';
}

const DEFAULT_INTERVALS = {
  metagraph: 3_600_000,
  queryable: 300_000,
  weights: 60_000,
  capacities: 3_600_000,
};

/**
 * The SN2 v10 validator loop (§8): a request pool of 16 over the queryable UIDs, one request per miner
 * per round; each response verified and scored (§8.6, §9); weights gated by epoch and rate limit (§10).
 */
export class Validator {
  readonly external = new ExternalRequestQueue();
  readonly counters: ValidatorCounters = {
    requested: 0,
    verified: 0,
    failed: 0,
    latenciesMs: [],
    weights: [],
  };
  private readonly hashGuard = new HashGuard();
  private scores!: ScoreManager;
  private meta!: ValidatorMetagraph;
  private ownUid = -1;
  private queryable: number[] = [];
  private readonly processed = new Set<number>();
  private readonly inFlight = new Map<number, Promise<void>>();
  private readonly last = { metagraph: 0, queryable: 0, weights: 0, capacities: 0 };
  private weightsJob: Promise<void> | undefined;
  private running = false;
  private loop: Promise<void> | undefined;
  private finished = 0;
  private readonly intervals: typeof DEFAULT_INTERVALS;
  private wake: (() => void) | undefined;
  private readonly health = new FailureSignal();

  constructor(private readonly o: ValidatorOptions) {
    this.intervals = { ...DEFAULT_INTERVALS, ...o.intervals };
  }

  get uid(): number {
    return this.ownUid;
  }

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  scoreSnapshot(): number[] {
    return this.scores.snapshot();
  }

  async start(): Promise<void> {
    await this.syncMetagraph();
    this.scores = new ScoreManager(
      new ScoreStore(this.o.statePath),
      { netuid: this.o.netuid, hotkey: this.o.hotkey },
      this.o.witness,
      this.meta.neurons.length,
    );
    this.refreshQueryable();
    this.running = true;
    this.loop = this.run().catch((err: unknown) => {
      this.running = false;
      this.fail(`validator loop: ${errorMessage(err)}`);
    });
  }

  /**
   * Health hook: called once if the validator dies while running — its hotkey deregistered (upstream
   * exits then) or its loop failed outside the per-step error handling.
   */
  onFailure(listener: (reason: string) => void): void {
    this.health.onFailure(listener);
  }

  private fail(reason: string): void {
    this.health.fail(reason);
  }

  /** Resolves when `maxRequests` have finished (or the loop stops). */
  async done(): Promise<void> {
    await this.loop;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await Promise.allSettled(this.inFlight.values());
    await this.weightsJob;
    await this.scores?.idle();
    this.scores?.persist();
  }

  private async syncMetagraph(): Promise<void> {
    this.meta = await this.o.chain.metagraph();
    this.last.metagraph = Date.now();
    const me = this.meta.neurons.find((n) => n.hotkey === this.o.hotkey);
    if (!me)
      throw new ValidatorNotRegisteredError(
        `hotkey ${this.o.hotkey} is not registered on netuid ${this.o.netuid}: register it first (sn2 register / btcli subnet register)`,
      );
    this.ownUid = me.uid;
    this.scores?.grow(this.meta.neurons.length);
  }

  private refreshQueryable(): void {
    const neurons = this.meta.neurons
      .filter((n) => n.uid !== this.ownUid)
      .map((n) => ({ uid: n.uid, stake: n.stake, axonIp: n.axon?.ip ?? '0.0.0.0' }));
    this.queryable = queryableUids(neurons, this.o.netuid, this.o.queryable);
    this.last.queryable = Date.now();
  }

  private async run(): Promise<void> {
    const concurrency = this.o.concurrency ?? MAX_CONCURRENT_REQUESTS;
    while (this.running) {
      try {
        await this.periodic();
        if (this.processed.size >= this.queryable.length) this.processed.clear();
        const free = concurrency - this.inFlight.size;
        const candidates = this.queryable.filter((u) => !this.processed.has(u) && !this.inFlight.has(u));
        for (const uid of candidates.slice(0, Math.max(0, free))) {
          if (this.o.maxRequests !== undefined && this.counters.requested >= this.o.maxRequests) break;
          this.counters.requested++;
          const job = this.query(uid).finally(() => {
            this.inFlight.delete(uid);
            this.processed.add(uid);
            this.finished++;
            this.wake?.();
          });
          this.inFlight.set(uid, job);
        }
        if (this.o.maxRequests !== undefined && this.finished >= this.o.maxRequests) break;
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, 100);
          this.wake = () => {
            clearTimeout(t);
            // Through the macrotask queue: queries that end at once (no circuit, no address) must not
            // turn the loop into a microtask spin that starves timers, sockets and the weights job.
            setImmediate(resolve);
          };
        });
      } catch (err) {
        if (err instanceof ValidatorNotRegisteredError) {
          this.running = false;
          this.fail(err.message);
          break;
        }
        this.log('error', `validator loop: ${errorMessage(err)}`);
        await new Promise((r) => setTimeout(r, 10_000));
      }
    }
    await Promise.allSettled(this.inFlight.values());
  }

  private async periodic(): Promise<void> {
    const now = Date.now();
    if (now - this.last.metagraph >= this.intervals.metagraph) await this.syncMetagraph();
    if (now - this.last.queryable >= this.intervals.queryable) this.refreshQueryable();
    // Off the loop's path: a slow or stalled chain delays the weights, never the queries. One at a time.
    if (now - this.last.weights >= this.intervals.weights && !this.weightsJob) {
      this.weightsJob = this.attemptWeights(false).finally(() => (this.weightsJob = undefined));
    }
    if (now - this.last.capacities >= this.intervals.capacities) this.queryCapacities();
  }

  private target(uid: number): PeerAddress | undefined {
    const n = this.meta.neurons[uid];
    if (!n) return undefined;
    const addr = this.o.resolveAxon ? this.o.resolveAxon(uid, n.axon) : n.axon;
    return addr ? { ...addr, hotkey: n.hotkey } : undefined;
  }

  private query(uid: number): Promise<void> {
    return queryMiner(
      {
        client: this.o.client,
        circuits: this.o.circuits,
        external: this.external,
        hashGuard: this.hashGuard,
        scores: this.scores,
        meta: this.meta,
        ownUid: this.ownUid,
        queryable: this.queryable,
        counters: this.counters,
        verify: this.o.verify,
        target: (u) => this.target(u),
        emit: this.o.emit,
        log: (level, msg) => this.log(level, msg),
        onRealWorldProof: this.o.onRealWorldProof,
      },
      uid,
    );
  }

  /** Practice: score the responses of a short session now (see ScoreManager.flushPartialBatch). */
  async flushScores(): Promise<void> {
    const batch = await this.scores.flushPartialBatch();
    if (batch) this.log('info', `scored ${batch.updates.length} miners from a padded partial batch`);
  }

  /** §3.4: hourly, answers only logged. */
  private queryCapacities(): void {
    this.last.capacities = Date.now();
    for (const uid of this.queryable) {
      const target = this.target(uid);
      if (!target) continue;
      this.o.client
        .capacities(target, { timeoutS: CAPACITY_TIMEOUT_SECONDS })
        .then((r) => {
          if (r.answer) this.log('debug', `uid ${uid} capacities ${JSON.stringify(r.answer)}`);
        })
        .catch(() => undefined);
    }
  }

  /** §10: weights from the current scores, when the gate allows (or `force`). */
  async attemptWeights(force: boolean): Promise<void> {
    this.last.weights = Date.now();
    await setWeights(
      {
        netuid: this.o.netuid,
        ownUid: this.ownUid,
        chain: this.o.chain,
        gate: this.o.weightGate,
        counters: this.counters,
        syncMetagraph: async () => {
          await this.syncMetagraph();
          return this.meta;
        },
        scores: () => this.scores.snapshot(),
        emit: this.o.emit,
        log: (level, msg) => this.log(level, msg),
      },
      force,
    );
  }

  private log(level: 'debug' | 'info' | 'warn' | 'error', msg: string): void {
    this.o.emit({ type: 'log', level, component: 'validator', msg, at: Date.now() });
  }
}
