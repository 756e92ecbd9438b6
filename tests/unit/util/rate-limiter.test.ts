import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../core/util/rate-limiter.js';

describe('RateLimiter (the one token bucket of the axon, the external API and the UI)', () => {
  it('allows the burst, then the sustained rate, per key', () => {
    const r = new RateLimiter({ ratePerS: 2, burst: 3 });
    expect([1, 2, 3, 4].map(() => r.take('ip', 0))).toEqual([true, true, true, false]);
    expect(r.take('other', 0)).toBe(true);
    expect(r.take('ip', 400)).toBe(false);
    expect(r.take('ip', 500)).toBe(true);
  });

  it('reads its injected clock when no time is passed', () => {
    let now = 0;
    const r = new RateLimiter({ ratePerS: 1, burst: 2 }, 100, () => now);
    expect([r.take('a'), r.take('a'), r.take('a')]).toEqual([true, true, false]);
    now = 1000;
    expect([r.take('a'), r.take('a')]).toEqual([true, false]);
  });

  it('keeps at most maxKeys buckets, dropping the least recently used', () => {
    const r = new RateLimiter({ ratePerS: 0, burst: 1 }, 2, () => 0);
    expect(r.take('a')).toBe(true);
    r.take('b');
    expect(r.take('a')).toBe(false); // a is now the most recent
    r.take('c'); // evicts b
    expect(r.take('a')).toBe(false);
    expect(r.take('b')).toBe(true);
  });
});
