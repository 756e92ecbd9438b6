import { describe, expect, it } from 'vitest';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { PermitCache, PermitLookupBusyError } from '../../../core/validator/api/permit-cache.js';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const ALICE_KEY = '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d';

describe('PermitCache', () => {
  it('fetches a netuid once per TTL, by public key, and remembers a failure for its own TTL', async () => {
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
      { ttlMs: 1000, failureTtlMs: 100, now: () => now, lookupBudget: { ratePerS: 1000, burst: 10 } },
    );
    await expect(cache.hasPermit(2, ALICE_KEY)).rejects.toThrow('chain down');
    fail = false;
    // Still within the failure TTL: answered from the cache, no second query.
    await expect(cache.hasPermit(2, ALICE_KEY)).rejects.toThrow('chain down');
    expect(calls).toBe(1);
    now = 101;
    expect(await cache.hasPermit(2, ALICE_KEY)).toBe(true);
    expect(await cache.hasPermit(2, '0x00')).toBe(false);
    expect(calls).toBe(2);
    now = 1102;
    await cache.hasPermit(2, ALICE_KEY);
    expect(calls).toBe(3);
  });

  it('refuses at once, without a query, beyond the concurrent lookup cap', async () => {
    await cryptoWaitReady();
    const started: number[] = [];
    const release: Array<() => void> = [];
    const cache = new PermitCache(
      {
        validatorPermits: (netuid) =>
          new Promise<string[]>((resolve) => {
            started.push(netuid);
            release.push(() => resolve([ALICE]));
          }),
      },
      { maxConcurrentLookups: 2, lookupBudget: { ratePerS: 1000, burst: 10 } },
    );
    const a = cache.hasPermit(1, ALICE_KEY);
    const b = cache.hasPermit(2, ALICE_KEY);
    const same = cache.hasPermit(1, ALICE_KEY);
    await expect(cache.hasPermit(3, ALICE_KEY)).rejects.toBeInstanceOf(PermitLookupBusyError);
    expect(started).toEqual([1, 2]);
    release.forEach((r) => r());
    expect(await Promise.all([a, b, same])).toEqual([true, true, true]);
    const third = cache.hasPermit(3, ALICE_KEY);
    expect(started).toEqual([1, 2, 3]);
    release[2]();
    expect(await third).toBe(true);
  });

  it('draws uncached lookups from one budget shared by all callers', async () => {
    await cryptoWaitReady();
    let now = 0;
    let calls = 0;
    const cache = new PermitCache(
      { validatorPermits: async () => (calls++, [ALICE]) },
      { lookupBudget: { ratePerS: 0.1, burst: 2 }, now: () => now },
    );
    expect(await cache.hasPermit(1, ALICE_KEY)).toBe(true);
    expect(await cache.hasPermit(2, ALICE_KEY)).toBe(true);
    await expect(cache.hasPermit(3, ALICE_KEY)).rejects.toThrow(/too many permit lookups lately/);
    expect(await cache.hasPermit(1, ALICE_KEY)).toBe(true); // cached: no budget needed
    now = 10_000;
    expect(await cache.hasPermit(3, ALICE_KEY)).toBe(true);
    expect(calls).toBe(3);
  });
});
