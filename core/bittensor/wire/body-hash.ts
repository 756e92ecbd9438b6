import { sha3_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { pyStr } from './python-str.js';
import type { PyValue } from './py-value.js';

const LONE_SURROGATE = /\p{Cs}/u;

/** SHA3-256 (FIPS 202, not Keccak) of the UTF-8 bytes of `text`, lower-case hex. */
export function sha3Hex(text: string): string {
  // CPython's str.encode('utf-8') raises on lone surrogates; TextEncoder would silently replace them.
  if (LONE_SURROGATE.test(text)) throw new Error('surrogates not allowed: cannot hash this string as UTF-8');
  return bytesToHex(sha3_256(utf8ToBytes(text)));
}

/** `H(H(str(v1)) ‖ … ‖ H(str(vn)))` over the Python values of `required_hash_fields`, in tuple order. */
export function bodyHashOf(values: readonly PyValue[]): string {
  if (values.length === 0) return EMPTY_BODY_HASH; // H(""): every SN2 synapse, on every request
  return sha3Hex(values.map((v) => sha3Hex(pyStr(v))).join(''));
}

/** The body hash of a synapse with no `required_hash_fields` (every SN2 synapse). */
export const EMPTY_BODY_HASH = 'a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a';
