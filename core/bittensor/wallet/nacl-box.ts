import { randomBytes } from 'node:crypto';
import nacl from 'tweetnacl';
import { NACL_PREFIX } from './keyfile-format.js';
import { deriveNaclKey, type DeriveOptions } from './kdf/derive-nacl-key.js';

const NONCE_LENGTH = nacl.secretbox.nonceLength;
const HEADER_LENGTH = NACL_PREFIX.length + NONCE_LENGTH;

/** Thrown when the secretbox does not open: a wrong password (or a corrupted file). */
export class NaclAuthenticationError extends Error {
  override readonly name = 'NaclAuthenticationError';
  constructor() {
    super('wrong password for decryption');
  }
}

/** `$NACL` ‖ nonce ‖ secretbox(plaintext) under an already derived key (wallet.md §6.1). */
export function sealNacl(plaintext: Uint8Array, key: Uint8Array, nonce?: Uint8Array): Uint8Array {
  const n = nonce ?? new Uint8Array(randomBytes(NONCE_LENGTH));
  if (n.length !== NONCE_LENGTH) throw new RangeError(`nonce must be ${NONCE_LENGTH} bytes`);
  const box = nacl.secretbox(plaintext, n, key);
  const out = new Uint8Array(HEADER_LENGTH + box.length);
  out.set(NACL_PREFIX, 0);
  out.set(n, NACL_PREFIX.length);
  out.set(box, HEADER_LENGTH);
  return out;
}

/** Open a `$NACL` file with an already derived key; throws NaclAuthenticationError on a wrong key. */
export function openNacl(file: Uint8Array, key: Uint8Array): Uint8Array {
  assertNaclFile(file);
  const plaintext = nacl.secretbox.open(
    file.subarray(HEADER_LENGTH),
    file.subarray(NACL_PREFIX.length, HEADER_LENGTH),
    key,
  );
  if (!plaintext) throw new NaclAuthenticationError();
  return plaintext;
}

/** Derive the key from `password` and seal (random nonce unless given). */
export async function encryptNacl(
  plaintext: Uint8Array,
  password: string,
  options: DeriveOptions & { nonce?: Uint8Array } = {},
): Promise<Uint8Array> {
  const { key } = await deriveNaclKey(passwordBytes(password), options);
  try {
    return sealNacl(plaintext, key, options.nonce);
  } finally {
    key.fill(0);
  }
}

/** Derive the key from `password` and open; the caller wipes the returned plaintext when done. */
export async function decryptNacl(
  file: Uint8Array,
  password: string,
  options: DeriveOptions = {},
): Promise<Uint8Array> {
  assertNaclFile(file);
  const { key } = await deriveNaclKey(passwordBytes(password), options);
  try {
    return openNacl(file, key);
  } finally {
    key.fill(0);
  }
}

function assertNaclFile(file: Uint8Array): void {
  if (
    file.length < HEADER_LENGTH + nacl.secretbox.overheadLength ||
    !NACL_PREFIX.equals(file.subarray(0, 5))
  ) {
    throw new RangeError('not a $NACL file, or truncated');
  }
}

/**
 * UTF-8 bytes of the password, unmodified (no trimming or normalisation), in an ArrayBuffer of their own
 * (Buffer.from would leave a copy in Node's shared allocation pool).
 */
export function passwordBytes(password: string): Uint8Array {
  const out = new Uint8Array(Buffer.byteLength(password, 'utf8'));
  Buffer.from(out.buffer).write(password, 'utf8');
  return out;
}
