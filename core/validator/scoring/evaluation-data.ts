import {
  CIRCUIT_TIMEOUT_SECONDS,
  MAX_EVALUATION_ITEMS,
  MAXIMUM_SCORE_MEDIAN_SAMPLE,
} from '../../sn2/constants.js';

/** One judged response as kept per circuit (§9.2), persisted as upstream's JSON list. */
export interface EvaluationItem {
  circuit_id: string;
  uid: number;
  minimum_response_time: number;
  maximum_response_time: number;
  proof_size: number;
  response_time: number;
  score: number;
  verification_result: boolean;
}

/**
 * Per-circuit evaluation data: the latest item per uid (a new one replaces the uid's previous one),
 * at most 1024 items, oldest dropped. Its response-time statistics feed scoring.
 */
export class EvaluationData {
  constructor(
    readonly circuitId: string,
    private items: EvaluationItem[] = [],
    private readonly timeoutSeconds = CIRCUIT_TIMEOUT_SECONDS,
  ) {}

  update(item: EvaluationItem): void {
    this.items = this.items.filter((i) => i.uid !== item.uid);
    this.items.push(item);
    if (this.items.length > MAX_EVALUATION_ITEMS)
      this.items.splice(0, this.items.length - MAX_EVALUATION_ITEMS);
  }

  toJSON(): EvaluationItem[] {
    return this.items;
  }

  private successfulTimes(): number[] {
    return this.items
      .filter((i) => i.verification_result && i.response_time > 0)
      .map((i) => i.response_time)
      .sort((a, b) => a - b);
  }

  get minimumResponseTime(): number {
    const times = this.successfulTimes();
    if (times.length < 2) return 0;
    return clamp(times[0], 0, this.timeoutSeconds);
  }

  /** Lower median of the k = max(floor(n·0.05), 1) largest successful times (§9.2). */
  get maximumResponseTime(): number {
    const times = this.successfulTimes();
    if (times.length < 2) return this.timeoutSeconds;
    const k = Math.max(Math.floor(times.length * MAXIMUM_SCORE_MEDIAN_SAMPLE), 1);
    const top = times.slice(times.length - k);
    return clamp(top[Math.floor((k - 1) / 2)], 0, this.timeoutSeconds);
  }
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
