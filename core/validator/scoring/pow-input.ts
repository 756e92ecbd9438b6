import { randomInt } from 'node:crypto';
import { POW_ARRAY_KEYS, POW_CONSTANTS, POW_FLOAT_KEYS } from '../../circuits/inputs/pow-circom.js';
import { POW_SCALING } from '../../sn2/constants.js';
import type { PowItem } from './pow-item.js';

/** Circuit input of the PoW Circom circuits (§5.2), in upstream key order. */
export type PowCircuitInput = Record<string, Array<number | boolean> | number>;

const SCALED_KEYS: ReadonlySet<string> = new Set(POW_FLOAT_KEYS);

export const FRESHNESS_ENTRIES = 16;

/** 16 fresh random 16-bit validator uids: make every batch unique for the duplicate guard (§5.2 step 1). */
export const freshValidatorUids = (): number[] =>
  Array.from({ length: FRESHNESS_ENTRIES }, () => randomInt(0, 65536));

/**
 * Real-world-request processing of a PoW batch exactly as upstream (§5.2): freshness overwrite of the
 * last 16 `validator_uid` entries, constants added, the seven float arrays scaled by trunc(v·1e8) in
 * IEEE double. `freshness` is injectable so tests can reproduce the published vector.
 */
export function buildPowInput(
  items: readonly PowItem[],
  freshness: readonly number[] = freshValidatorUids(),
): PowCircuitInput {
  if (freshness.length !== FRESHNESS_ENTRIES) throw new Error(`freshness needs ${FRESHNESS_ENTRIES} values`);
  const input: PowCircuitInput = {};
  for (const key of POW_ARRAY_KEYS) {
    const values = items.map((item) => item[key]);
    input[key] = SCALED_KEYS.has(key) ? values.map((v) => Math.trunc(Number(v) * POW_SCALING)) : values;
  }
  const uids = input.validator_uid as number[];
  for (let i = 0; i < FRESHNESS_ENTRIES; i++) uids[items.length - FRESHNESS_ENTRIES + i] = freshness[i];
  Object.assign(input, POW_CONSTANTS);
  return input;
}
