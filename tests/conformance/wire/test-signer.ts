import { sr25519Sign } from '@polkadot/wasm-crypto';
import {
  cryptoWaitReady,
  encodeAddress,
  keyExtractSuri,
  keyFromPath,
  mnemonicToMiniSecret,
  sr25519PairFromSeed,
} from '@polkadot/util-crypto';
import type { Sr25519Signer } from '../../../core/bittensor/signer.js';

const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';

/**
 * A hotkey signer from a dev URI (`//Alice`) or a mnemonic (test stand-in for the wallet's Keypair).
 * Signs with the raw wasm call: the util-crypto wrapper is ~10× slower, which matters in the fuzz test.
 */
export async function testSigner(uri: string): Promise<Sr25519Signer> {
  await cryptoWaitReady();
  const { phrase, path } = keyExtractSuri(uri.startsWith('//') ? `${DEV_PHRASE}${uri}` : uri);
  const pair = keyFromPath(sr25519PairFromSeed(mnemonicToMiniSecret(phrase)), path, 'sr25519');
  return {
    address: encodeAddress(pair.publicKey, 42),
    publicKey: pair.publicKey,
    sign: (m) => sr25519Sign(pair.publicKey, pair.secretKey, m),
  };
}
