import type { Keypair } from '../keys/keypair.js';
import { equalBytes } from './keyfile-json.js';
import { readKeyfile, type ReadKeyfileOptions } from './read-keyfile.js';
import { readColdkeyPub } from './read-public-keys.js';
import { walletPaths, type WalletRef } from './wallet-paths.js';
import { InvalidKeyfileError, KeyfileNotFoundError } from './errors.js';

/**
 * Decrypt the coldkey for one user-initiated coldkey action (Argon2i in a worker, ~2 s with the native
 * backend). The caller signs and then calls `keypair.wipe()`; never cache the result or the password.
 * When `coldkeypub.txt` exists the unlocked key must match it.
 */
export async function unlockColdkey(
  ref: WalletRef & ReadKeyfileOptions & { password: string },
): Promise<Keypair> {
  const paths = walletPaths(ref);
  const key = await readKeyfile(paths.coldkey, `coldkey of wallet "${paths.name}"`, ref);
  if (key.kind !== 'secret')
    throw new InvalidKeyfileError(paths.coldkey, 'holds only a public key, not the coldkey secret');
  const pub = await readColdkeyPub(ref).catch((err: unknown) => {
    if (err instanceof KeyfileNotFoundError) return undefined;
    key.keypair.wipe();
    throw err;
  });
  if (pub && !equalBytes(pub.publicKey, key.keypair.publicKey)) {
    key.keypair.wipe();
    throw new InvalidKeyfileError(
      paths.coldkey,
      `this coldkey (${key.keypair.address}) does not match coldkeypub.txt (${pub.address})`,
    );
  }
  return key.keypair;
}
