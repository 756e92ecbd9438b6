import { FIELD_MODULUS } from './constants.js';
import type { EzklInputType } from './settings.js';

/**
 * ezkl 22.0.1 `float_to_felt(x, scale, type)`, bit-identical (sn2-protocol §6.2): round-trip by input type,
 * multiply by 2^scale in double, round half away from zero, map negatives to p − |q|, and encode as the
 * 32-byte little-endian hex of the BN254 scalar.
 */
export function floatToFelt(x: number, scale: number, type: EzklInputType): string {
  return fieldToLeHex(quantize(roundTrip(x, type), scale));
}

function roundTrip(x: number, type: EzklInputType): number {
  if (!Number.isFinite(x)) throw new RangeError(`cannot quantise ${x}: not a finite number`);
  switch (type) {
    case 'F32':
    case 'F16':
      return Math.fround(x);
    case 'F64':
      return x;
    case 'Int':
    case 'TDim':
      return Math.trunc(x);
    case 'Bool':
      if (x !== 0 && x !== 1) throw new RangeError(`a Bool input must be 0 or 1, got ${x}`);
      return x;
  }
}

function quantize(x: number, scale: number): bigint {
  const scaled = x * 2 ** scale;
  // Rust f64::round: half away from zero (Math.round rounds half towards +∞).
  const rounded = Math.sign(scaled) * Math.round(Math.abs(scaled));
  // Beyond 2^53 the double is already an integer, so BigInt() converts it exactly.
  return BigInt(rounded);
}

/** A signed integer as a field element, 64 lower-case hex chars, little-endian. */
export function fieldToLeHex(value: bigint): string {
  let v = ((value % FIELD_MODULUS) + FIELD_MODULUS) % FIELD_MODULUS;
  let hex = '';
  for (let i = 0; i < 32; i++) {
    hex += Number(v & 0xffn)
      .toString(16)
      .padStart(2, '0');
    v >>= 8n;
  }
  return hex;
}

/** Inverse of fieldToLeHex, as a signed integer (values above p/2 are negative). */
export function leHexToSigned(hex: string): bigint {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new RangeError(`not a 64-hex felt: ${hex}`);
  let v = 0n;
  for (let i = 31; i >= 0; i--) v = (v << 8n) | BigInt(parseInt(hex.slice(i * 2, i * 2 + 2), 16));
  return v > FIELD_MODULUS / 2n ? v - FIELD_MODULUS : v;
}

/** A felt back to a float at the given scale (ezkl `felt_to_float`). */
export function feltToFloat(hex: string, scale: number): number {
  return Number(leHexToSigned(hex)) / 2 ** scale;
}
