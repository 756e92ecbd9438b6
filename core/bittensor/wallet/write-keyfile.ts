import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../util/atomic-file.js';
import type { Keypair } from '../keys/keypair.js';
import { equalBytes, serializeKeyfile, serializePublicKeyfile } from './keyfile-json.js';
import { openNacl, passwordBytes, sealNacl } from './nacl-box.js';
import { deriveNaclKey, type DeriveOptions } from './kdf/derive-nacl-key.js';
import { InvalidKeyfileError, KeyfileExistsError } from './errors.js';

export interface WriteOptions extends DeriveOptions {
  /** Replace an existing file; without it an existing file is an error (btcli asks too). */
  overwrite?: boolean;
}

export function assertWritable(path: string, overwrite = false): void {
  if (!overwrite && existsSync(path)) throw new KeyfileExistsError(path);
}

/**
 * A secret keyfile, plain JSON or `$NACL`-encrypted when a password is given; mode 0600 from the first
 * byte (temp file + fsync + rename), folders 0700. An encrypted file is read back and opened with the
 * same key before returning, so a file that would not decrypt is never left behind silently.
 */
export async function writeSecretKeyfile(
  path: string,
  keypair: Keypair,
  options: WriteOptions & { password?: string } = {},
): Promise<void> {
  assertWritable(path, options.overwrite);
  const plaintext = new Uint8Array(Buffer.from(serializeKeyfile(keypair), 'utf8'));
  try {
    if (options.password === undefined) {
      writeFileAtomic(path, plaintext, 0o600);
      return;
    }
    const { key } = await deriveNaclKey(passwordBytes(options.password), options);
    try {
      assertWritable(path, options.overwrite);
      writeFileAtomic(path, sealNacl(plaintext, key), 0o600);
      const back = openNacl(new Uint8Array(readFileSync(path)), key);
      const same = equalBytes(back, plaintext);
      back.fill(0);
      if (!same) throw new InvalidKeyfileError(path, 'the encrypted keyfile did not read back identically');
    } finally {
      key.fill(0);
    }
  } finally {
    plaintext.fill(0);
  }
}

/** `coldkeypub.txt` or `<hotkey>pub.txt` (never secret, but 0600 like btcli writes it). */
export function writePublicKeyfile(
  path: string,
  publicKey: Uint8Array,
  options: { overwrite?: boolean } = {},
): void {
  assertWritable(path, options.overwrite);
  writeFileAtomic(path, serializePublicKeyfile(publicKey), 0o600);
}
