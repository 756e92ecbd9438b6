/**
 * Token buckets keyed by caller (origin hotkey or IP). The map is bounded: when full, the least recently
 * used key is dropped, so a flood of fresh keys cannot exhaust memory (it only resets those keys' buckets).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly maxKeys = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Take one token for `key`; false when the caller is over its rate. */
  take(key: string): boolean {
    const now = this.now();
    const prev = this.buckets.get(key);
    const tokens = prev
      ? Math.min(this.burst, prev.tokens + ((now - prev.at) / 1000) * this.perSecond)
      : this.burst;
    this.buckets.delete(key);
    if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
    const allowed = tokens >= 1;
    this.buckets.set(key, { tokens: allowed ? tokens - 1 : tokens, at: now });
    return allowed;
  }
}
