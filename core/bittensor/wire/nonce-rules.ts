/** The nonce and time-window rules of the default axon verifier (bittensor-wire.md §6). */
export const V2_NONCE_VERSION = 7_002_000;
const ALLOWED_DELTA_NS = 4_000_000_000n;

export class NonceError extends Error {
  override readonly name = 'NonceError';
}

interface Seen {
  nonce: bigint;
  /** The later of "when we stored it" and "when the nonce says it was made", ns. */
  keepUntilBase: bigint;
}

/**
 * Last accepted nonce per `hotkey:uuid`. Unlike Python's never-pruned dict, entries are dropped
 * once both their use and their nonce are older than `retainNs` (Q3); that is safe because the
 * time window, with the request timeout capped by the axon, rejects any nonce that old.
 */
export class NonceStore {
  private readonly seen = new Map<string, Seen>();

  constructor(
    private readonly retainNs = 3_600_000_000_000n,
    private readonly maxEntries = 1_000_000,
  ) {}

  /** Throws `NonceError` with the SDK's message when the nonce is not acceptable. */
  check(key: string, nonce: bigint | null, version: number | null, timeoutS: number, nowNs: bigint): void {
    if (nonce === null) throw new NonceError('Missing Nonce');
    const stored = this.seen.get(key);
    if (version !== null && version >= V2_NONCE_VERSION && !stored) {
      // Python does this arithmetic in float64; so do we (sub-µs differences are irrelevant).
      const windowNs = Number(ALLOWED_DELTA_NS) + timeoutS * 1e9;
      if (Number(nonce) <= Number(nowNs) - windowNs) {
        const age = Number(nowNs - nonce) / 1e9;
        throw new NonceError(
          `Nonce is too old: acceptable delta is ${(4 + timeoutS).toFixed(2)} seconds but request was ${age.toFixed(2)} seconds old`,
        );
      }
    }
    if (stored && nonce <= stored.nonce)
      throw new NonceError('Nonce is too old, a newer one was last processed');
  }

  /** Records an accepted nonce (after the signature verified). */
  accept(key: string, nonce: bigint, nowNs: bigint): void {
    this.seen.delete(key); // re-insert so iteration order is least-recently-used first
    this.seen.set(key, { nonce, keepUntilBase: nonce > nowNs ? nonce : nowNs });
    if (this.seen.size > this.maxEntries) this.seen.delete(this.seen.keys().next().value as string);
  }

  prune(nowNs: bigint): void {
    for (const [key, s] of this.seen) {
      if (s.keepUntilBase + this.retainNs > nowNs) continue;
      this.seen.delete(key);
    }
  }

  get size(): number {
    return this.seen.size;
  }
}
