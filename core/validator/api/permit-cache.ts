import { u8aToHex } from '@polkadot/util';
import { decodeAddress } from '@polkadot/util-crypto';
import type { PermitSource } from './types.js';

/** How long a neuron list is trusted (upstream: 12 h). */
export const PERMIT_CACHE_TTL_MS = 12 * 60 * 60 * 1000;

/**
 * Validator permits per netuid, fetched once per TTL and shared by every connection. Concurrent misses
 * share one fetch; a failed fetch is not cached, so the next connection tries again.
 */
export class PermitCache {
  private readonly entries = new Map<number, { at: number; hotkeys: Promise<ReadonlySet<string>> }>();

  constructor(
    private readonly source: PermitSource,
    private readonly ttlMs = PERMIT_CACHE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** `publicKey`: 0x-hex, lower case (ss58 prefixes differ between callers, public keys do not). */
  async hasPermit(netuid: number, publicKey: string): Promise<boolean> {
    return (await this.permits(netuid)).has(publicKey);
  }

  private permits(netuid: number): Promise<ReadonlySet<string>> {
    const hit = this.entries.get(netuid);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.hotkeys;
    const hotkeys = this.source
      .validatorPermits(netuid)
      .then((list) => new Set(list.map((a) => u8aToHex(decodeAddress(a)))));
    const entry = { at: this.now(), hotkeys };
    this.entries.set(netuid, entry);
    hotkeys.catch(() => {
      if (this.entries.get(netuid) === entry) this.entries.delete(netuid);
    });
    return hotkeys;
  }
}
