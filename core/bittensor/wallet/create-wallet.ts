import { Keypair } from '../keys/keypair.js';
import { generateMnemonic, type MnemonicWords } from '../keys/mnemonic.js';
import { walletPaths, type WalletRef } from './wallet-paths.js';
import {
  assertWritable,
  writePublicKeyfile,
  writeSecretKeyfile,
  type WriteOptions,
} from './write-keyfile.js';

export interface CreatedKey {
  keypair: Keypair;
  /** Show once to the user, then drop. */
  mnemonic: string;
}

/** A new hotkey: `hotkeys/<hotkey>` (plain JSON, 0600) and `hotkeys/<hotkey>pub.txt`, like `btcli wallet new-hotkey`. */
export async function createHotkey(
  ref: WalletRef & WriteOptions & { words?: MnemonicWords; password?: string },
): Promise<CreatedKey> {
  const mnemonic = generateMnemonic(ref.words);
  const keypair = await Keypair.fromMnemonic(mnemonic);
  await storeHotkey(ref, keypair);
  return { keypair, mnemonic };
}

/** A new coldkey: `coldkey` (`$NACL` with `password`) and `coldkeypub.txt`, like `btcli wallet new-coldkey`. */
export async function createColdkey(
  ref: WalletRef & WriteOptions & { words?: MnemonicWords; password: string },
): Promise<CreatedKey> {
  const mnemonic = generateMnemonic(ref.words);
  const keypair = await Keypair.fromMnemonic(mnemonic);
  await storeColdkey(ref, keypair);
  return { keypair, mnemonic };
}

/** `btcli wallet create`: a coldkey and a hotkey. Checks both targets before writing anything. */
export async function createWallet(
  ref: WalletRef & WriteOptions & { words?: MnemonicWords; password: string },
): Promise<{ coldkey: CreatedKey; hotkey: CreatedKey }> {
  const paths = walletPaths(ref);
  for (const p of [paths.coldkey, paths.coldkeypub, paths.hotkey, paths.hotkeypub])
    assertWritable(p, ref.overwrite);
  const coldkey = await createColdkey(ref);
  const hotkey = await createHotkey({ ...ref, password: undefined });
  return { coldkey, hotkey };
}

/** Write a coldkey pair of files: the secret first, so a crash never leaves a pub file without its key. */
export async function storeColdkey(
  ref: WalletRef & WriteOptions & { password: string },
  keypair: Keypair,
): Promise<void> {
  const paths = walletPaths(ref);
  assertWritable(paths.coldkeypub, ref.overwrite);
  await writeSecretKeyfile(paths.coldkey, keypair, ref);
  writePublicKeyfile(paths.coldkeypub, keypair.publicKey, { overwrite: ref.overwrite });
}

export async function storeHotkey(
  ref: WalletRef & WriteOptions & { password?: string },
  keypair: Keypair,
): Promise<void> {
  const paths = walletPaths(ref);
  assertWritable(paths.hotkeypub, ref.overwrite);
  await writeSecretKeyfile(paths.hotkey, keypair, ref);
  writePublicKeyfile(paths.hotkeypub, keypair.publicKey, { overwrite: ref.overwrite });
}
