import type { Keypair } from '../keys/keypair.js';
import { readKeyfile, type ReadKeyfileOptions } from './read-keyfile.js';
import { walletPaths, type WalletRef } from './wallet-paths.js';
import { InvalidKeyfileError } from './errors.js';

/**
 * The hotkey that mining and validating sign with (`<wallet>/hotkeys/<hotkey>`). Plain JSON normally;
 * a `$NACL` hotkey needs `password`. Never touches the coldkey.
 */
export async function loadHotkey(ref: WalletRef & ReadKeyfileOptions = {}): Promise<Keypair> {
  const paths = walletPaths(ref);
  const key = await readKeyfile(paths.hotkey, `hotkey "${paths.hotkeyName}" of wallet "${paths.name}"`, ref);
  if (key.kind !== 'secret') {
    throw new InvalidKeyfileError(paths.hotkey, 'holds only a public key, not the hotkey secret');
  }
  return key.keypair;
}
