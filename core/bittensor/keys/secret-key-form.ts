/**
 * The two 64-byte encodings of one sr25519 secret (wallet.md §4): schnorrkel's canonical form (scalar s,
 * nonce), written by btcli into keyfiles as `privateKey`, and the "ed25519 form" (8·s, nonce) that
 * polkadot-js and @scure/sr25519 sign with. Both scalars are little-endian 256-bit integers.
 */

export function canonicalToEd25519Form(canonical: Uint8Array): Uint8Array {
  assertLength(canonical);
  const out = new Uint8Array(canonical);
  let carry = 0;
  for (let i = 0; i < 32; i++) {
    const v = (canonical[i] << 3) | carry;
    out[i] = v & 0xff;
    carry = v >> 8;
  }
  if (carry !== 0) throw new RangeError('secret scalar too large for the ed25519 form');
  return out;
}

export function ed25519FormToCanonical(ed25519Form: Uint8Array): Uint8Array {
  assertLength(ed25519Form);
  if ((ed25519Form[0] & 0x07) !== 0)
    throw new RangeError('not an ed25519-form secret: scalar is not a multiple of 8');
  const out = new Uint8Array(ed25519Form);
  for (let i = 0; i < 32; i++) {
    out[i] = (ed25519Form[i] >> 3) | (i < 31 ? (ed25519Form[i + 1] & 0x07) << 5 : 0);
  }
  return out;
}

function assertLength(key: Uint8Array): void {
  if (key.length !== 64) throw new RangeError(`sr25519 secret key must be 64 bytes, got ${key.length}`);
}
