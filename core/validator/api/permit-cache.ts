import { u8aToHex } from '@polkadot/util';
import { decodeAddress } from '@polkadot/util-crypto';
import { RateLimiter, type RateLimit } from '../../util/rate-limiter.js';
import type { PermitSource } from './types.js';

/** How long a neuron list is trusted (upstream: 12 h). */
export const PERMIT_CACHE_TTL_MS = 12 * 60 * 60 * 1000;
/** How long a failed lookup (no such subnet, chain down) is remembered before it is tried again. */
export const PERMIT_FAILURE_TTL_MS = 60_000;

/** Too many lookups in flight or lately: refused at once instead of queueing chain work. */
export class PermitLookupBusyError extends Error {
  override readonly name = 'PermitLookupBusyError';
}

/** Uncached lookups allowed, all callers together: a few at once, then one per 10 s. */
export const PERMIT_LOOKUP_BUDGET: RateLimit = { ratePerS: 0.1, burst: 4 };

export interface PermitCacheOptions {
  ttlMs?: number;
  failureTtlMs?: number;
  /** Distinct netuids being fetched at once; default 2. */
  maxConcurrentLookups?: number;
  /** Uncached lookups over time, all callers together; default PERMIT_LOOKUP_BUDGET. */
  lookupBudget?: RateLimit;
  now?: () => number;
}

/**
 * Validator permits per netuid, fetched once per TTL and shared by every connection. Concurrent misses
 * share one fetch. A failed fetch (e.g. a netuid that does not exist) is remembered for
 * `failureTtlMs`; at most `maxConcurrentLookups` netuids are fetched at once and uncached lookups
 * draw on one budget for all callers, so callers choosing netuids (from any number of IPs and fresh
 * keys) cannot turn connection attempts into chain queries.
 */
export class PermitCache {
  private readonly entries = new Map<
    number,
    { at: number; ttl: number; hotkeys: Promise<ReadonlySet<string>> }
  >();
  private inFlight = 0;
  private readonly ttlMs: number;
  private readonly failureTtlMs: number;
  private readonly maxConcurrent: number;
  private readonly now: () => number;
  private readonly budget: RateLimiter;

  constructor(
    private readonly source: PermitSource,
    options: PermitCacheOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? PERMIT_CACHE_TTL_MS;
    this.failureTtlMs = options.failureTtlMs ?? PERMIT_FAILURE_TTL_MS;
    this.maxConcurrent = options.maxConcurrentLookups ?? 2;
    this.now = options.now ?? Date.now;
    this.budget = new RateLimiter(options.lookupBudget ?? PERMIT_LOOKUP_BUDGET, 1, this.now);
  }

  /** `publicKey`: 0x-hex, lower case (ss58 prefixes differ between callers, public keys do not). */
  async hasPermit(netuid: number, publicKey: string): Promise<boolean> {
    return (await this.permits(netuid)).has(publicKey);
  }

  private permits(netuid: number): Promise<ReadonlySet<string>> {
    const hit = this.entries.get(netuid);
    if (hit && this.now() - hit.at < hit.ttl) return hit.hotkeys;
    if (this.inFlight >= this.maxConcurrent)
      return Promise.reject(
        new PermitLookupBusyError(`${this.maxConcurrent} permit lookups already in flight`),
      );
    if (!this.budget.take('lookups'))
      return Promise.reject(new PermitLookupBusyError('too many permit lookups lately: try again shortly'));
    this.inFlight++;
    const hotkeys = this.source
      .validatorPermits(netuid)
      .then((list) => new Set(list.map((a) => u8aToHex(decodeAddress(a)))))
      .finally(() => this.inFlight--);
    const entry = { at: this.now(), ttl: this.ttlMs, hotkeys };
    this.entries.set(netuid, entry);
    hotkeys.catch(() => {
      entry.at = this.now();
      entry.ttl = this.failureTtlMs;
    });
    return hotkeys;
  }
}
