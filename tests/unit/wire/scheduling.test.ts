import { describe, expect, it } from 'vitest';
import {
  ForwardScheduler,
  QueueFullError,
  QueueTimeoutError,
} from '../../../core/bittensor/wire/forward-scheduler.js';
import { NonceError, NonceStore } from '../../../core/bittensor/wire/nonce-rules.js';

describe('ForwardScheduler', () => {
  it('serves highest priority first, FIFO among equals, bounded, with timeouts', async () => {
    const s = new ForwardScheduler(1, 4);
    const first = await s.acquire(0, 1000);
    const order: string[] = [];
    const wait = (name: string, p: number, ms = 1000) =>
      s.acquire(p, ms).then((release) => (order.push(name), release()));
    const all = [wait('a1', 1), wait('b5', 5), wait('c1', 1), wait('d9', 9)];
    await expect(s.acquire(100, 1000)).rejects.toBeInstanceOf(QueueFullError);
    first();
    await Promise.all(all);
    expect(order).toEqual(['d9', 'b5', 'a1', 'c1']);
    const hold = await s.acquire(0, 1000);
    await expect(s.acquire(0, 20)).rejects.toBeInstanceOf(QueueTimeoutError);
    hold();
    hold(); // releasing twice frees one slot only
    expect([s.active, s.queued]).toEqual([0, 0]);
  });
});

describe('NonceStore', () => {
  const now = 1_723_000_000_000_000_000n;
  it('window for the first nonce of a key, strictly increasing after, legacy rule without a version', () => {
    const n = new NonceStore();
    expect(() => n.check('k', null, 9009000, 12, now)).toThrow('Missing Nonce');
    expect(() => n.check('k', now - 17_000_000_000n, 9009000, 12, now)).toThrow(
      'Nonce is too old: acceptable delta is 16.00 seconds but request was 17.00 seconds old',
    );
    n.check('k', now - 60_000_000_000n, null, 12, now); // legacy: no window
    n.accept('k', now, now);
    expect(() => n.check('k', now, 9009000, 12, now)).toThrow(NonceError);
    n.check('k', now + 1n, 9009000, 12, now);
  });
  it('prunes entries once both their use and their nonce are an hour old', () => {
    const n = new NonceStore(3_600_000_000_000n);
    n.accept('old', now, now);
    n.accept('future', now + 7_200_000_000_000n, now);
    n.prune(now + 3_600_000_000_001n);
    expect(n.size).toBe(1);
  });
});
