import { Keypair } from '../keys/keypair.js';
import { publicKeyFromSs58 } from '../keys/ss58.js';
import { InvalidKeyError } from '../keys/errors.js';
import { walletPaths, type WalletRef } from './wallet-paths.js';
import { storeColdkey } from './create-wallet.js';
import { equalBytes } from './keyfile-json.js';
import { readKeyfile } from './read-keyfile.js';
import { writePublicKeyfile, writeSecretKeyfile, type WriteOptions } from './write-keyfile.js';
import { KeyfileNotFoundError, WalletError } from './errors.js';

/** What a key is regenerated from: a mnemonic, or a `0x` + 64-hex mini secret (btcli's `--seed`). */
export type KeySecret = { mnemonic: string } | { seed: string };

export async function keypairFromSecret(secret: KeySecret): Promise<Keypair> {
  if ('mnemonic' in secret) return Keypair.fromMnemonic(secret.mnemonic);
  if (!/^(0x)?[0-9a-fA-F]{64}$/.test(secret.seed))
    throw new InvalidKeyError('seed must be 32 bytes of hex (0x + 64 digits)');
  return Keypair.fromSeed(new Uint8Array(Buffer.from(secret.seed.replace(/^0x/, ''), 'hex')));
}

/** `btcli wallet regen-coldkey`: rewrite `coldkey` ($NACL) and `coldkeypub.txt` from the mnemonic or seed. */
export async function regenColdkey(
  ref: WalletRef & WriteOptions & { password: string; secret: KeySecret },
): Promise<Keypair> {
  const keypair = await keypairFromSecret(ref.secret);
  await storeColdkey(ref, keypair);
  return keypair;
}

/**
 * `btcli wallet regen-hotkey`. If a `<hotkey>pub.txt` exists for a hotkey whose secret file is missing, the
 * mnemonic must produce that same key (an import that would silently change the miner's identity is refused).
 */
export async function regenHotkey(
  ref: WalletRef & WriteOptions & { password?: string; secret: KeySecret },
): Promise<Keypair> {
  const keypair = await keypairFromSecret(ref.secret);
  const paths = walletPaths(ref);
  try {
    let samePubExists = false;
    if (!ref.overwrite) {
      const existing = await readKeyfile(paths.hotkeypub, 'hotkey public file').catch((err: unknown) => {
        if (err instanceof KeyfileNotFoundError) return undefined;
        throw err;
      });
      const existingKey = existing?.kind === 'public' ? existing.publicKey : existing?.keypair.publicKey;
      if (existingKey && !equalBytes(existingKey, keypair.publicKey)) {
        throw new WalletError(
          `${paths.hotkeypub} belongs to a different key than this one; pass --overwrite to replace it`,
        );
      }
      samePubExists = existingKey !== undefined;
    }
    await writeSecretKeyfile(paths.hotkey, keypair, ref);
    writePublicKeyfile(paths.hotkeypub, keypair.publicKey, { overwrite: ref.overwrite || samePubExists });
  } catch (err) {
    keypair.wipe();
    throw err;
  }
  return keypair;
}

/** `btcli wallet regen-coldkeypub`: `coldkeypub.txt` from an ss58 address (for watch-only/miner machines). */
export function regenColdkeypub(ref: WalletRef & { overwrite?: boolean; ss58: string }): string {
  const publicKey = publicKeyFromSs58(ref.ss58);
  writePublicKeyfile(walletPaths(ref).coldkeypub, publicKey, { overwrite: ref.overwrite });
  return ref.ss58;
}
