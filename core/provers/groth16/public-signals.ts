import { FIELD_MODULUS } from '../../circuits/constants.js';
import type { CircomSettings } from '../../circuits/settings.js';
import type { CircuitInput } from '../../circuits/inputs/types.js';

/** Raised when the miner's public signals cannot be pinned (too short, non-integer input value). */
export class PublicSignalsError extends Error {
  override readonly name = 'PublicSignalsError';
}

const toField = (v: unknown): bigint => {
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'bigint') return v >= 0n ? v : FIELD_MODULUS - -v;
  if (typeof v === 'number' && Number.isInteger(v)) return v >= 0 ? BigInt(v) : FIELD_MODULUS - BigInt(-v);
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return toField(BigInt(v));
  throw new PublicSignalsError(`input value ${JSON.stringify(v)} is not an integer`);
};

/**
 * SN2 v10 validator rule (sn2-protocol §6.1 step 3): walk `settings.public_inputs.order`; names absent from
 * the validator's input (the circuit outputs) keep the miner's values, every input position is overwritten
 * with the validator's own value (negatives as p − |v|). Arrays become decimal strings; scalars stay
 * numbers (as upstream's json), except negatives, which only a string can carry exactly.
 */
export function pinPublicSignals(
  settings: CircomSettings,
  expected: CircuitInput,
  minerSignals: readonly unknown[],
): Array<string | number> {
  const out = minerSignals.map((s) => s as string | number);
  let idx = 0;
  for (const name of settings.public_inputs.order) {
    const size = settings.public_inputs.sizes[name] ?? 0;
    if (!(name in expected)) {
      idx += size;
      continue;
    }
    const value = expected[name];
    if (Array.isArray(value)) {
      for (const v of value.slice(0, size)) {
        if (idx >= out.length) throw new PublicSignalsError(`public signals too short (${out.length})`);
        out[idx++] = toField(v).toString();
      }
    } else {
      if (idx >= out.length) throw new PublicSignalsError(`public signals too short (${out.length})`);
      const f = toField(value);
      out[idx++] = f <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(f) : f.toString();
    }
  }
  return out;
}

/** Upstream proof size: total string length of every pi_a, pi_b and pi_c value. */
export function groth16ProofSize(proof: unknown): number {
  if (typeof proof !== 'object' || proof === null) return 5000;
  const p = proof as { pi_a?: unknown; pi_b?: unknown; pi_c?: unknown };
  const flat = [p.pi_a, p.pi_b, p.pi_c].flat(2);
  return flat.reduce<number>((n, v) => n + String(v).length, 0);
}
