import type { ApiPromise } from '@polkadot/api';

/**
 * Hands out consecutive nonces per account so that concurrent submissions from one key (e.g. a
 * validator's weights and a serve_axon) do not collide. The first nonce of a burst comes from
 * `system_accountNextIndex` (which counts pool transactions); after a rejected submission the
 * account is re-read from the chain.
 */
export class NonceManager {
  private readonly next = new Map<string, number>();
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(private readonly api: ApiPromise) {}

  /** Reserve the next nonce for `address`. */
  reserve(address: string): Promise<number> {
    const prev = this.locks.get(address) ?? Promise.resolve();
    const run = prev.then(async () => {
      const onChain = (await this.api.rpc.system.accountNextIndex(address)).toNumber();
      const nonce = Math.max(onChain, this.next.get(address) ?? 0);
      this.next.set(address, nonce + 1);
      return nonce;
    });
    this.locks.set(
      address,
      run.catch(() => undefined),
    );
    return run;
  }

  /** Forget the local count (after a rejection, the chain's view is the truth again). */
  reset(address: string): void {
    this.next.delete(address);
  }
}
