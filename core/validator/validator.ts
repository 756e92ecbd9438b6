import { randomUUID } from 'node:crypto';
import type { CallResult, PeerAddress, TransportClient } from '../bittensor/transport.js';
import {
  fromPlain,
  parseSynapse,
  toPlain,
  type PyValue,
  type SynapseDefinition,
} from '../bittensor/wire/index.js';
import type { CoreEvent, ProofLogEntry } from '../contract/events.js';
import { CAPACITY_TIMEOUT_SECONDS, MAX_CONCURRENT_REQUESTS } from '../sn2/constants.js';
import { ProofOfWeightsSynapse, QueryForCapacities, QueryZkProof } from '../sn2/synapses.js';
import { errorMessage } from '../util/errors.js';
import { FailureSignal } from '../util/failure-signal.js';
import { ExternalRequestQueue } from './external-queue.js';
import { DuplicateInputError, HashGuard } from './hash-guard.js';
import { queryableUids, type QueryablePolicy } from './queryable.js';
import { buildRequest, type ValidatorCircuit } from './request/build-request.js';
import type { ValidatorRequest } from './request/validator-request.js';
import { processResponse, type ProofVerifier, type RawResponse } from './response/process-response.js';
import { ScoreManager } from './scoring/score-manager.js';
import { ScoreStore } from './scoring/score-store.js';
import type { WitnessCalculator } from './scoring/witness.js';
import type { ValidatorChain, ValidatorMetagraph } from './validator-ports.js';
import { proofLogStatus, type QueryReply } from './proof-log-status.js';
import { weightGate, type WeightGateOptions } from './weights/weight-gate.js';
import { weightVector } from './weights/weight-vector.js';

export interface ValidatorOptions {
  netuid: number;
  hotkey: string;
  chain: ValidatorChain;
  /** How miners are called (the v10 dendrite: `dendriteClient(hotkey)`). */
  transport: TransportClient;
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
  onRealWorldProof?: (p: {
    circuitId: string;
    requestHash: string;
    minerUid: number;
    proof: unknown;
    publicSignals: unknown;
  }) => void;
}

/** A query as sent and answered: what §8.6 judges, plus the wire status for the proof log. */
type SentQuery = RawResponse & { reply: QueryReply };

/** The SDK's model: the reply's fields and `process_time` count only on a 200. */
function sentQuery(r: CallResult<SynapseDefinition>, deserialized: unknown): SentQuery {
  return {
    ok: r.ok,
    processTime: r.ok ? (r.processTimeS ?? undefined) : undefined,
    deserialized,
    reply: { status: r.status, message: r.message },
  };
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

/** Counters for summaries (practice mode, status). */
export interface ValidatorCounters {
  requested: number;
  verified: number;
  failed: number;
  latenciesMs: number[];
  weights: Array<{ ok: boolean; block?: number; detail?: string }>;
}

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
            resolve();
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
    if (now - this.last.weights >= this.intervals.weights) await this.attemptWeights(false);
    if (now - this.last.capacities >= this.intervals.capacities) this.queryCapacities();
  }

  private target(uid: number): PeerAddress | undefined {
    const n = this.meta.neurons[uid];
    if (!n) return undefined;
    const addr = this.o.resolveAxon ? this.o.resolveAxon(uid, n.axon) : n.axon;
    return addr ? { ...addr, hotkey: n.hotkey } : undefined;
  }

  /** Build, send, judge and score one request (§8.4–§8.6, §9.3). */
  private async query(uid: number): Promise<void> {
    let req: ValidatorRequest;
    try {
      req = buildRequest(uid, {
        circuits: this.o.circuits,
        external: this.external,
        hashGuard: this.hashGuard,
        takeBatchedPowItems: () => this.scores.takeBatchedPowItems(),
      });
    } catch (err) {
      if (!(err instanceof DuplicateInputError))
        this.log('warn', `request for uid ${uid} not built: ${errorMessage(err)}`);
      return;
    }
    const target = this.target(uid);
    const started = Date.now();
    const raw: SentQuery = target
      ? await this.send(target, req)
      : {
          ok: false,
          processTime: undefined,
          deserialized: null,
          reply: { status: 0, message: 'no axon address on chain' },
        };
    const evaluation = this.scores.evaluationOf(req.circuitId);
    const result = await processResponse(raw, {
      circuitId: req.circuitId,
      proofSystem: req.proofSystem,
      expectedInput: req.input,
      timeoutSeconds: req.timeoutSeconds,
      maximumResponseTime: evaluation.maximumResponseTime,
      verify: this.o.verify,
    });
    if (req.external) {
      if (result.verified) {
        req.external.resolve({ proof: result.proof, publicSignals: result.publicSignals });
        this.o.onRealWorldProof?.({
          circuitId: req.circuitId,
          requestHash: req.external.request.hash,
          minerUid: uid,
          proof: result.proof,
          publicSignals: result.publicSignals,
        });
      } else req.external.reject(new Error(result.failure ?? 'no verified proof'));
    }
    if (result.verified) {
      this.counters.verified++;
      this.counters.latenciesMs.push(result.responseTime * 1000);
    } else this.counters.failed++;
    const entry: ProofLogEntry = {
      id: randomUUID(),
      at: started,
      role: 'validator',
      route: req.synapse,
      circuitId: req.circuitId,
      circuitName: req.circuitName,
      minerHotkey: this.meta.neurons[uid]?.hotkey,
      minerUid: uid,
      validatorUid: this.ownUid,
      inputBytes: JSON.stringify(req.input).length,
      verifyMs: result.verifyMs,
      totalMs: raw.processTime !== undefined ? raw.processTime * 1000 : Date.now() - started,
      proofBytes: result.verified ? result.proofSize : undefined,
      ...proofLogStatus(raw.reply, result),
    };
    this.o.emit({ type: 'proof', entry });
    const batch = await this.scores.record(
      {
        circuitId: req.circuitId,
        uid,
        verified: result.verified,
        responseTime: result.responseTime,
        proofSize: result.proofSize,
      },
      { block: this.meta.block, ownUid: this.ownUid, queryable: new Set(this.queryable) },
    );
    if (batch)
      this.log('info', `scored PoW batch ${batch.step}: ${batch.updates.length} score updates persisted`);
  }

  private async send(target: PeerAddress, req: ValidatorRequest): Promise<SentQuery> {
    const input = fromPlain(req.input) as Map<string, PyValue>;
    const timeoutS = req.timeoutSeconds;
    try {
      if (req.synapse === 'QueryZkProof') {
        const synapse = parseSynapse(QueryZkProof, {
          query_input: new Map<string, PyValue>([
            ['public_inputs', input],
            ['model_id', req.circuitId],
          ]),
          query_output: '',
        });
        const r = await this.o.transport.call(target, QueryZkProof, synapse, { timeoutS });
        return sentQuery(r, r.ok ? r.synapse.query_output : null);
      }
      const synapse = parseSynapse(ProofOfWeightsSynapse, {
        subnet_uid: req.subnetUid,
        verification_key_hash: req.circuitId,
        proof_system: req.proofSystem,
        inputs: input,
        proof: '',
        public_signals: '',
      });
      const r = await this.o.transport.call(target, ProofOfWeightsSynapse, synapse, { timeoutS });
      const s = r.synapse;
      return sentQuery(
        r,
        r.ok ? { inputs: toPlain(s.inputs), proof: s.proof, public_signals: s.public_signals } : null,
      );
    } catch (err) {
      this.log('warn', `query to uid ${req.uid} failed: ${errorMessage(err)}`);
      return {
        ok: false,
        processTime: undefined,
        deserialized: null,
        reply: { status: 0, message: errorMessage(err) },
      };
    }
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
      this.o.transport
        .call(target, QueryForCapacities, parseSynapse(QueryForCapacities, {}), {
          timeoutS: CAPACITY_TIMEOUT_SECONDS,
        })
        .then((r) => {
          if (r.ok && r.synapse.capacities)
            this.log('debug', `uid ${uid} capacities ${JSON.stringify(toPlain(r.synapse.capacities))}`);
        })
        .catch(() => undefined);
    }
  }

  /** §10: gate, vector with owner burn, submit; every attempt that passes the gate is an event. */
  async attemptWeights(force: boolean): Promise<void> {
    this.last.weights = Date.now();
    try {
      await this.syncMetagraph();
      const me = this.meta.neurons[this.ownUid];
      const gate = weightGate(this.meta.block, me.lastUpdate, this.o.netuid, this.o.weightGate);
      if (!gate.ok && !force) {
        this.log('debug', `weights not set: ${gate.reason}`);
        return;
      }
      const n = this.meta.neurons.length;
      const ownerUid = this.meta.ownerHotkey
        ? this.meta.neurons.find((x) => x.hotkey === this.meta.ownerHotkey)?.uid
        : undefined;
      const weights = weightVector(this.scores.snapshot(), n, ownerUid);
      const uids = this.meta.neurons.map((x) => x.uid);
      if (weights.every((w) => w === 0)) {
        this.counters.weights.push({ ok: false, detail: 'all scores are zero' });
        this.o.emit({
          type: 'weights',
          ok: false,
          uids: [],
          method: 'set_weights',
          detail: 'nothing to set: all scores are zero',
        });
        return;
      }
      const r = await this.o.chain.setWeights(uids, weights);
      this.counters.weights.push({ ok: true, block: r.block });
      this.o.emit({
        type: 'weights',
        ok: true,
        block: r.block,
        uids: uids.filter((u) => weights[u] > 0),
        method: r.method,
      });
    } catch (err) {
      this.counters.weights.push({ ok: false, detail: errorMessage(err) });
      this.o.emit({ type: 'weights', ok: false, uids: [], method: 'set_weights', detail: errorMessage(err) });
    }
  }

  private log(level: 'debug' | 'info' | 'warn' | 'error', msg: string): void {
    this.o.emit({ type: 'log', level, component: 'validator', msg, at: Date.now() });
  }
}
