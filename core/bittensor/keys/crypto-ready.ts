import { cryptoWaitReady } from '@polkadot/util-crypto';
import { isReady } from '@polkadot/wasm-crypto';

let ready: Promise<void> | undefined;

/** Load the sr25519 wasm once per process (≈ 40 ms); every key factory awaits it. */
export function cryptoReady(): Promise<void> {
  ready ??= cryptoWaitReady().then((ok) => {
    if (!ok) throw new Error('could not initialise the sr25519 wasm module (@polkadot/wasm-crypto)');
  });
  return ready;
}

/** For the synchronous hot paths (sign, verify): they need the wasm loaded by an earlier `cryptoReady()`. */
export function assertCryptoReady(): void {
  if (!isReady()) throw new Error('sr25519 crypto is not initialised: await cryptoReady() first');
}
