import { decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import { InvalidKeyError } from './errors.js';

/** Bittensor's ss58 prefix on every network. */
export const SS58_PREFIX = 42;

export function toSs58(publicKey: Uint8Array): string {
  return encodeAddress(publicKey, SS58_PREFIX);
}

/** Public key of an ss58 address of any valid prefix (accounts are compared by key, never by string). */
export function publicKeyFromSs58(address: string): Uint8Array {
  try {
    const key = decodeAddress(address);
    if (key.length !== 32) throw new Error(`${key.length}-byte key`);
    return key;
  } catch (err) {
    throw new InvalidKeyError(`"${address}" is not a valid ss58 address`, { cause: err });
  }
}
