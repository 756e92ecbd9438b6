import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';

/** sr25519 dev key from a URI (`//Alice`, `//Bob//miner-0`), ss58 prefix 42. A KeyringPair is an Sr25519Signer. */
export async function devKey(uri: string): Promise<KeyringPair> {
  await cryptoWaitReady();
  return new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(uri);
}

/** Sudo key of the local chain, also the owner coldkey of bootstrapped subnets; funded with 1 000 000 TAO. */
export const DEV_SUDO_URI = '//Alice';
/** Funded coldkeys (1 000 000 TAO each) that own the bootstrapped miner and validator hotkeys. */
export const DEV_MINER_COLDKEY_URI = '//Bob';
export const DEV_VALIDATOR_COLDKEY_URI = '//Charlie';
