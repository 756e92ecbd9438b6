import { POW_BATCH_SIZE, BATCHED_POW_SIZE } from '../../sn2/constants.js';
import { EvaluationData } from './evaluation-data.js';
import { paddingPowItem, powItem, type PowItem } from './pow-item.js';
import { scorePowBatch, type ScoreUpdate } from './batch-scores.js';
import type { WitnessCalculator } from './witness.js';
import type { ScoreStore, ValidatorState } from './score-store.js';

/** A judged response, after §8.6 (times in seconds). */
export interface JudgedResponse {
  circuitId: string;
  uid: number;
  verified: boolean;
  /** Already replaced by the circuit's maximum response time when unverified (§8.6 step 6). */
  responseTime: number;
  proofSize: number;
}

export interface ScoreContext {
  block: number;
  ownUid: number;
  /** UIDs the validator may query now; every other uid is zeroed on each update (§9.3 step 2). */
  queryable: ReadonlySet<number>;
}

export interface BatchResult {
  step: number;
  updates: ScoreUpdate[];
}

/**
 * Scores as SN2 v10 validators keep them (§9): a float32 vector by uid, per-circuit evaluation data and
 * the PoW queue; every 256th queue item triggers a witness-scored batch, after which the state is
 * persisted atomically.
 */
export class ScoreManager {
  private scores: Float32Array;
  private readonly evaluation = new Map<string, EvaluationData>();
  private queue: PowItem[] = [];
  private lastBatchStep = 0;
  private batchRunning: Promise<BatchResult | undefined> = Promise.resolve(undefined);

  constructor(
    private readonly store: ScoreStore,
    private readonly identity: { netuid: number; hotkey: string },
    private readonly witness: WitnessCalculator,
    size: number,
  ) {
    this.scores = new Float32Array(size);
    const state = store.load();
    if (state && state.netuid === identity.netuid && state.hotkey === identity.hotkey) this.restore(state);
  }

  private restore(state: ValidatorState): void {
    const restored = Float32Array.from(state.scores);
    this.scores = restored.length >= this.scores.length ? restored : growTo(restored, this.scores.length);
    for (const [id, items] of Object.entries(state.evaluation))
      this.evaluation.set(id, new EvaluationData(id, items));
    this.queue = state.queue;
    this.lastBatchStep = state.lastBatchStep;
  }

  get size(): number {
    return this.scores.length;
  }

  get queueLength(): number {
    return this.queue.length;
  }

  scoreOf(uid: number): number {
    return uid >= 0 && uid < this.scores.length ? this.scores[uid] : 0;
  }

  snapshot(): number[] {
    return Array.from(this.scores);
  }

  /** New UIDs start at 0 (§8.7); the vector never shrinks. */
  grow(size: number): void {
    if (size > this.scores.length) this.scores = growTo(this.scores, size);
  }

  evaluationOf(circuitId: string): EvaluationData {
    let data = this.evaluation.get(circuitId);
    if (!data) {
      data = new EvaluationData(circuitId);
      this.evaluation.set(circuitId, data);
    }
    return data;
  }

  /** §9.3 for one response; resolves with the batch result when this response completed a batch. */
  async record(response: JudgedResponse, ctx: ScoreContext): Promise<BatchResult | undefined> {
    const data = this.evaluationOf(response.circuitId);
    data.update({
      circuit_id: response.circuitId,
      uid: response.uid,
      minimum_response_time: data.minimumResponseTime,
      maximum_response_time: data.maximumResponseTime,
      proof_size: response.proofSize,
      response_time: response.responseTime,
      score: this.scoreOf(response.uid),
      verification_result: response.verified,
    });
    const maxScore = 1 / this.scores.length;
    for (let uid = 0; uid < this.scores.length; uid++) if (!ctx.queryable.has(uid)) this.scores[uid] = 0;
    const maxRt = data.maximumResponseTime;
    const minRt = data.minimumResponseTime;
    const adjMax = maxRt - minRt < 1 ? minRt + 1 : maxRt;
    this.queue.push(
      powItem({
        maxScore,
        previousScore: this.scoreOf(response.uid),
        verified: response.verified,
        proofSize: response.proofSize,
        responseTime: response.verified ? response.responseTime : adjMax,
        maximumResponseTime: adjMax,
        minimumResponseTime: minRt,
        block: ctx.block,
        validatorUid: ctx.ownUid,
        minerUid: response.uid,
      }),
    );
    return this.maybeScoreBatch();
  }

  private maybeScoreBatch(): Promise<BatchResult | undefined> {
    const n = this.queue.length;
    const step = Math.floor(n / POW_BATCH_SIZE);
    if (n < POW_BATCH_SIZE || n % POW_BATCH_SIZE !== 0 || step === this.lastBatchStep)
      return Promise.resolve(undefined);
    this.lastBatchStep = step;
    const batch = this.queue.slice(n - POW_BATCH_SIZE);
    // Batches are applied in queue order even if a witness takes longer than the next 256 responses.
    this.batchRunning = this.batchRunning.then(async () => {
      const updates = await scorePowBatch(batch, this.scores.length, this.witness);
      for (const u of updates) this.scores[u.uid] = u.score;
      this.persist();
      return { step, updates };
    });
    return this.batchRunning;
  }

  /**
   * Practice only: score the items since the last full batch now, padded to 256 with §9.5 padding
   * items (skipped when applied), so a short session ends with witness-computed scores. Mainnet
   * validators never do this; they wait for the 256th response.
   */
  async flushPartialBatch(): Promise<BatchResult | undefined> {
    const pending = this.queue.length % POW_BATCH_SIZE;
    if (pending === 0) return undefined;
    const items = [...this.queue.slice(this.queue.length - pending)];
    while (items.length < POW_BATCH_SIZE) items.push(paddingPowItem());
    await this.batchRunning;
    const updates = await scorePowBatch(items, this.scores.length, this.witness);
    for (const u of updates) this.scores[u.uid] = u.score;
    this.persist();
    return { step: this.lastBatchStep, updates };
  }

  /** Batched PoW (§8.4): hand the oldest 1024 queue items to a request, removing them. */
  takeBatchedPowItems(): PowItem[] | undefined {
    if (this.queue.length < BATCHED_POW_SIZE) return undefined;
    return this.queue.splice(0, BATCHED_POW_SIZE);
  }

  persist(): void {
    const evaluation: Record<string, ReturnType<EvaluationData['toJSON']>> = {};
    for (const [id, data] of this.evaluation) evaluation[id] = data.toJSON();
    this.store.save({
      version: 1,
      netuid: this.identity.netuid,
      hotkey: this.identity.hotkey,
      scores: Array.from(this.scores),
      evaluation,
      queue: this.queue,
      lastBatchStep: this.lastBatchStep,
      savedAt: Date.now(),
    });
  }

  /** Wait for any batch in progress (used on shutdown). */
  async idle(): Promise<void> {
    await this.batchRunning;
  }
}

function growTo(v: Float32Array, size: number): Float32Array {
  const out = new Float32Array(size);
  out.set(v);
  return out;
}
