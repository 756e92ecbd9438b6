import { describe, expect, it } from 'vitest';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { RateLimiter } from '../../../core/validator/api/rate-limiter.js';
import { PermitCache } from '../../../core/validator/api/permit-cache.js';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const ALICE_KEY = '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d';

describe('RateLimiter', () => {
  it('allows a burst, then the sustained rate, per key', () => {
    let now = 0;
    const limiter = new RateLimiter(1, 2, 100, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([true, true, false]);
    expect(limiter.take('b')).toBe(true);
    now = 1000;
    expect([limiter.take('a'), limiter.take('a')]).toEqual([true, false]);
  });

  it('keeps at most maxKeys buckets', () => {
    const limiter = new RateLimiter(0, 1, 2, () => 0);
    expect(limiter.take('a')).toBe(true);
    limiter.take('b');
    limiter.take('c'); // evicts a
    expect(limiter.take('a')).toBe(true);
  });
});

describe('PermitCache', () => {
  it('fetches a netuid once per TTL, by public key, and retries after a failure', async () => {
    await cryptoWaitReady();
    let now = 0;
    let calls = 0;
    let fail = true;
    const cache = new PermitCache(
      {
        validatorPermits: async () => {
          calls++;
          if (fail) throw new Error('chain down');
          return [ALICE];
        },
      },
      1000,
      () => now,
    );
    await expect(cache.hasPermit(2, ALICE_KEY)).rejects.toThrow('chain down');
    fail = false;
    expect(await cache.hasPermit(2, ALICE_KEY)).toBe(true);
    expect(await cache.hasPermit(2, '0x00')).toBe(false);
    expect(calls).toBe(2);
    now = 1001;
    await cache.hasPermit(2, ALICE_KEY);
    expect(calls).toBe(3);
  });
});
