import { readKeyfile, type ReadKeyfileOptions } from './read-keyfile.js';
import { walletPaths, type WalletRef } from './wallet-paths.js';
import { KeyfileNotFoundError } from './errors.js';

export interface PublicKeyInfo {
  address: string;
  publicKey: Uint8Array;
}

type PublicReadOptions = WalletRef & Pick<ReadKeyfileOptions, 'onWarning'>;

/** The coldkey's address from `coldkeypub.txt`: all that mining needs of the coldkey. */
export async function readColdkeyPub(ref: PublicReadOptions = {}): Promise<PublicKeyInfo> {
  const paths = walletPaths(ref);
  return publicOf(await readKeyfile(paths.coldkeypub, `coldkeypub.txt of wallet "${paths.name}"`, ref));
}

/**
 * The hotkey's address from `<hotkey>pub.txt`, or derived from the plain secret hotkey file where the
 * pub file is missing (btwallet < 3.1). Never prompts: an encrypted hotkey without pub file is an error.
 */
export async function readHotkeyPub(ref: PublicReadOptions = {}): Promise<PublicKeyInfo> {
  const paths = walletPaths(ref);
  const what = `hotkey "${paths.hotkeyName}" of wallet "${paths.name}"`;
  try {
    return publicOf(await readKeyfile(paths.hotkeypub, `public file of ${what}`, ref));
  } catch (err) {
    if (!(err instanceof KeyfileNotFoundError)) throw err;
  }
  return publicOf(await readKeyfile(paths.hotkey, what, ref));
}

function publicOf(key: Awaited<ReturnType<typeof readKeyfile>>): PublicKeyInfo {
  if (key.kind === 'public') return { address: key.address, publicKey: key.publicKey };
  const { address, publicKey } = key.keypair;
  key.keypair.wipe();
  return { address, publicKey };
}
