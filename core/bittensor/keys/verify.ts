import { sr25519Verify } from '@polkadot/wasm-crypto';
import { assertCryptoReady } from './crypto-ready.js';
import { publicKeyFromSs58 } from './ss58.js';

/**
 * Check an sr25519 signature (context "substrate") against a public key or ss58 address. Calls the wasm
 * directly: the util-crypto wrapper is several times slower on the axon's hot path.
 */
export function verifySignature(
  message: Uint8Array,
  signature: Uint8Array,
  signer: Uint8Array | string,
): boolean {
  assertCryptoReady();
  const publicKey = typeof signer === 'string' ? publicKeyFromSs58(signer) : signer;
  if (signature.length !== 64 || publicKey.length !== 32) return false;
  return sr25519Verify(signature, message, publicKey);
}
