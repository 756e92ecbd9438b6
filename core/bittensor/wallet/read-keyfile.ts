import { readFile, stat } from 'node:fs/promises';
import { platform } from 'node:os';
import { parseKeyfileJson, resolveKeyfile, type ResolvedKey } from './keyfile-json.js';
import { detectKeyfileFormat } from './keyfile-format.js';
import { NaclAuthenticationError, decryptNacl } from './nacl-box.js';
import type { DeriveOptions } from './kdf/derive-nacl-key.js';
import {
  InvalidKeyfileError,
  KeyfileNotFoundError,
  LegacyKeyfileError,
  PasswordRequiredError,
  WrongPasswordError,
} from './errors.js';

export interface ReadKeyfileOptions extends DeriveOptions {
  /** Needed only when the file is `$NACL`-encrypted. */
  password?: string;
  /** A secret file readable by group/others is read anyway (btcli does too) but reported here. */
  onWarning?: (message: string) => void;
}

/** Read any btcli keyfile (plain JSON or `$NACL`) and return the key it holds. */
export async function readKeyfile(
  path: string,
  what: string,
  options: ReadKeyfileOptions = {},
): Promise<ResolvedKey> {
  const data = await readKeyfileBytes(path, what, options.onWarning);
  const format = detectKeyfileFormat(data);
  switch (format) {
    case 'json':
      return resolveKeyfile(parseKeyfileJson(Buffer.from(data).toString('utf8'), path), path);
    case 'nacl':
      return resolveKeyfile(await decryptKeyfile(path, data, options), path);
    case 'ansible-vault':
    case 'fernet':
      throw new LegacyKeyfileError(path, format);
    default:
      throw new InvalidKeyfileError(path, `not a keyfile: unrecognised format (expected JSON or $NACL)`);
  }
}

async function decryptKeyfile(path: string, data: Uint8Array, options: ReadKeyfileOptions) {
  if (options.password === undefined) throw new PasswordRequiredError(path);
  let plaintext: Uint8Array;
  try {
    plaintext = await decryptNacl(data, options.password, options);
  } catch (err) {
    if (err instanceof NaclAuthenticationError) throw new WrongPasswordError(path);
    if (err instanceof RangeError) throw new InvalidKeyfileError(path, 'truncated $NACL file');
    throw err;
  }
  try {
    return parseKeyfileJson(Buffer.from(plaintext).toString('utf8'), path);
  } finally {
    plaintext.fill(0);
  }
}

export async function readKeyfileBytes(
  path: string,
  what: string,
  onWarning: (message: string) => void = (m) => process.emitWarning(m),
): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new InvalidKeyfileError(path, `${what} is not a file`);
    if (platform() !== 'win32' && (info.mode & 0o077) !== 0) {
      onWarning(
        `${path} is readable by other users (mode ${(info.mode & 0o777).toString(8)}); run: chmod 600 ${path}`,
      );
    }
    return new Uint8Array(await readFile(path));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new KeyfileNotFoundError(path, what);
    throw err;
  }
}
