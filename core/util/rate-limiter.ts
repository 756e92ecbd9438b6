/** A token bucket: `ratePerS` sustained, `burst` at once. */
export interface RateLimit {
  ratePerS: number;
  burst: number;
}

/**
 * Token buckets keyed by caller (IP, hotkey, origin). The map is bounded and kept in least-recently-used
 * order: when full, the oldest key is dropped (it only resets that key's bucket), so a flood of fresh
 * keys costs O(1) per request and cannot exhaust memory.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: RateLimit,
    private readonly maxKeys = 100_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one token for `key`; false when it is over its rate. `nowMs`: monotonic milliseconds. */
  take(key: string, nowMs: number = this.now()): boolean {
    const prev = this.buckets.get(key);
    const { ratePerS, burst } = this.limit;
    const tokens = prev ? Math.min(burst, prev.tokens + ((nowMs - prev.at) / 1000) * ratePerS) : burst;
    if (prev) this.buckets.delete(key);
    else if (this.buckets.size >= this.maxKeys)
      this.buckets.delete(this.buckets.keys().next().value as string);
    const allowed = tokens >= 1;
    this.buckets.set(key, { tokens: allowed ? tokens - 1 : tokens, at: nowMs });
    return allowed;
  }
}
