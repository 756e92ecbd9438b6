/** Token buckets per key (IP or hotkey): `ratePerS` sustained, `burst` at once. */
export interface RateLimit {
  ratePerS: number;
  burst: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: RateLimit,
    private readonly maxKeys = 100_000,
  ) {}

  /** Takes one token; false when the key is over its limit. `nowMs` is monotonic milliseconds. */
  take(key: string, nowMs: number): boolean {
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= this.maxKeys) this.prune(nowMs);
      b = { tokens: this.limit.burst, at: nowMs };
      this.buckets.set(key, b);
    } else {
      b.tokens = Math.min(this.limit.burst, b.tokens + ((nowMs - b.at) / 1000) * this.limit.ratePerS);
      b.at = nowMs;
    }
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** Drops buckets that have refilled (they behave exactly like absent ones). */
  prune(nowMs: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((nowMs - b.at) / 1000) * this.limit.ratePerS >= this.limit.burst)
        this.buckets.delete(key);
    }
    // Still full of active keys: forget the oldest rather than grow without bound.
    while (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
  }
}
