import { FIELD_MODULUS } from '../../sn2/constants.js';

export interface CircomLayout {
  order: string[];
  sizes: Record<string, number>;
}

export class PublicSignalsTooShortError extends Error {
  override readonly name = 'PublicSignalsTooShortError';
}

/**
 * §6.1 steps 1–3: the miner's public signals with every input pinned to the validator's values; only
 * the circuit outputs (names absent from the input) keep the miner's values. Arrays become decimal
 * strings (booleans 1/0, negatives p − |v|); scalars become JSON numbers, as upstream writes them.
 */
export function pinPublicSignals(
  minerSignals: unknown[],
  expected: Record<string, unknown>,
  layout: CircomLayout,
): unknown[] {
  const s = [...minerSignals];
  let idx = 0;
  const put = (v: unknown, asString: boolean) => {
    if (idx >= s.length)
      throw new PublicSignalsTooShortError(`public signals end at ${s.length}, layout needs more`);
    s[idx++] = asString ? fieldText(v) : fieldNumber(v);
  };
  for (const name of layout.order) {
    const size = layout.sizes[name] ?? 0;
    if (!(name in expected)) {
      idx += size;
      continue;
    }
    const v = expected[name];
    if (Array.isArray(v)) for (const item of v.slice(0, size)) put(item, true);
    else put(v, false);
  }
  return s;
}

function toField(v: unknown): bigint {
  if (typeof v === 'boolean') return v ? 1n : 0n;
  const n = typeof v === 'bigint' ? v : BigInt(typeof v === 'number' ? Math.trunc(v) : String(v));
  return n >= 0n ? n : FIELD_MODULUS - -n;
}

const fieldText = (v: unknown): string => toField(v).toString();
/** Scalars stay JSON numbers upstream; snarkjs parses them with BigInt either way. */
const fieldNumber = (v: unknown): number | string => {
  const f = toField(v);
  return f <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(f) : f.toString();
};
