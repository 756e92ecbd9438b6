import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import type { Sr25519Signer } from '../../../core/bittensor/signer.js';

/** A hotkey signer from a dev URI or mnemonic (test stand-in for the wallet's Keypair). */
export async function testSigner(uri: string): Promise<Sr25519Signer> {
  await cryptoWaitReady();
  const pair = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(uri);
  return { address: pair.address, publicKey: pair.publicKey, sign: (m) => pair.sign(m) };
}
