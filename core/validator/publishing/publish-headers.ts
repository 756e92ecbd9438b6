import { stringToU8a, u8aToHex } from '@polkadot/util';
import type { Sr25519Signer } from '../../bittensor/signer.js';

/** Spec §12 proof-publishing auth: `x-signature` = hex (no 0x) sr25519 signature of the decimal timestamp. */
export function signPublishHeaders(signer: Sr25519Signer, nowS: number): Record<string, string> {
  const timestamp = String(Math.floor(nowS));
  return {
    'x-timestamp': timestamp,
    'x-origin-ss58': signer.address,
    'x-signature': u8aToHex(signer.sign(stringToU8a(timestamp)), -1, false),
  };
}
