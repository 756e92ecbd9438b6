import type { ApiPromise } from '@polkadot/api';

/** A reserved nonce; `release` lets the account's next submission go ahead. */
export interface NonceReservation {
  nonce: number;
  release(): void;
}

/**
 * Hands out consecutive nonces per account so that concurrent submissions from one key (e.g. a
 * validator's weights and a serve_axon) do not collide.
 * - A reservation holds the account until the caller releases it, once the pool has accepted or refused
 *   the transaction, so transactions reach the pool in nonce order (a pool may refuse a "future" nonce
 *   whose predecessor has not arrived yet).
 * - `system_accountNextIndex` alone is not enough: while a block is being built the transaction has
 *   left the pool but is not yet in the head's state, and the RPC answers the old nonce. So the nonce
 *   is the larger of the chain's answer and our own count.
 * - After a rejection the local count is dropped and the chain's view is the truth again.
 */
export class NonceManager {
  private readonly next = new Map<string, number>();
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly api: ApiPromise) {}

  /** Wait for the account's previous submission to reach the pool, then reserve the next nonce. */
  async reserve(address: string): Promise<NonceReservation> {
    const previous = this.tails.get(address) ?? Promise.resolve();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    this.tails.set(address, released);
    await previous;
    try {
      const onChain = (await this.api.rpc.system.accountNextIndex(address)).toNumber();
      const nonce = Math.max(onChain, this.next.get(address) ?? 0);
      this.next.set(address, nonce + 1);
      return { nonce, release };
    } catch (err) {
      release();
      throw err;
    }
  }

  /** Forget the local count (after a rejection, the chain's view is the truth again). */
  reset(address: string): void {
    this.next.delete(address);
  }
}
