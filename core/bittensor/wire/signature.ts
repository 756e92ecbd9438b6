import { sr25519Verify, waitReady } from '@polkadot/wasm-crypto';
import { decodeAddress } from '@polkadot/util-crypto';
import type { Sr25519Signer } from '../signer.js';

/** `{nonce}.{dendrite_hotkey}.{axon_hotkey}.{uuid}.{body_hash}`: what a dendrite signs (§4). */
export const requestSigningMessage = (
  nonce: bigint,
  dendriteHotkey: string,
  axonHotkey: string,
  uuid: string,
  bodyHash: string,
): string => `${nonce}.${dendriteHotkey}.${axonHotkey}.${uuid}.${bodyHash}`;

export const signText = (signer: Sr25519Signer, text: string): string =>
  `0x${Buffer.from(signer.sign(new TextEncoder().encode(text))).toString('hex')}`;

/** Loads the wasm sr25519 (schnorrkel) once; every verification below needs it. */
export const sr25519Ready = (): Promise<boolean> => waitReady();

export class SignatureFormatError extends Error {
  override readonly name = 'SignatureFormatError';
  constructor() {
    super('Invalid signature format. Expected hex string.');
  }
}

/** `0x` + hex → bytes, as btwallet parses the signature header. */
export function signatureBytes(signature: string): Uint8Array {
  if (!signature.startsWith('0x') || !/^[0-9a-fA-F]*$/.test(signature.slice(2)) || signature.length % 2) {
    throw new SignatureFormatError();
  }
  return Buffer.from(signature.slice(2), 'hex');
}

/**
 * btwallet `Keypair.verify`: the signature may be over the raw message or over
 * `<Bytes>message</Bytes>` (what polkadot{.js} extensions sign). Raw wasm call: the
 * `@polkadot/util-crypto` wrappers are an order of magnitude slower (docs/BENCHMARKS.md).
 */
export function verifyMessage(publicKey: Uint8Array, message: string, signature: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  if (sr25519Verify(signature, Buffer.from(message, 'utf8'), publicKey)) return true;
  return sr25519Verify(signature, Buffer.from(`<Bytes>${message}</Bytes>`, 'utf8'), publicKey);
}

const publicKeys = new Map<string, Uint8Array>();
const MAX_CACHED_KEYS = 10_000;

export class AddressError extends Error {
  override readonly name = 'AddressError';
}

/** ss58 → public key, cached (checksum work is per address, not per request). */
export function publicKeyOf(ss58: string): Uint8Array {
  let key = publicKeys.get(ss58);
  if (!key) {
    try {
      key = decodeAddress(ss58);
    } catch (err) {
      throw new AddressError(`Invalid SS58 address ${JSON.stringify(ss58.slice(0, 64))}`, { cause: err });
    }
    if (key.length !== 32)
      throw new AddressError(`Invalid SS58 address ${JSON.stringify(ss58.slice(0, 64))}`);
    if (publicKeys.size >= MAX_CACHED_KEYS) publicKeys.clear();
    publicKeys.set(ss58, key);
  }
  return key;
}
