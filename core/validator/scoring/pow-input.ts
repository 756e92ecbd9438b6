import { randomInt } from 'node:crypto';
import { POW_SCALING } from '../../sn2/constants.js';
import type { PowItem } from './pow-item.js';

/** Circuit input of the PoW Circom circuits (§5.2), in upstream key order. */
export type PowCircuitInput = Record<string, Array<number | boolean> | number>;

const ARRAY_KEYS = [
  'maximum_score',
  'previous_score',
  'verified',
  'proof_size',
  'response_time',
  'competition',
  'maximum_response_time',
  'minimum_response_time',
  'block_number',
  'validator_uid',
  'miner_uid',
] as const satisfies ReadonlyArray<keyof PowItem>;

const SCALED_KEYS: ReadonlySet<string> = new Set([
  'maximum_score',
  'previous_score',
  'proof_size',
  'minimum_response_time',
  'maximum_response_time',
  'response_time',
  'competition',
]);

/** The constants an RWR input gets when missing, in upstream order (§5.2). */
export const POW_CONSTANTS = {
  RATE_OF_DECAY: 40_000_000,
  RATE_OF_RECOVERY: 10_000_000,
  FLATTENING_COEFFICIENT: 90_000_000,
  PROOF_SIZE_WEIGHT: 0,
  PROOF_SIZE_THRESHOLD: 364_800_000_000,
  RESPONSE_TIME_WEIGHT: 100_000_000,
  COMPETITION_WEIGHT: 0,
  MAXIMUM_RESPONSE_TIME_DECIMAL: 99_000_000,
  scaling: POW_SCALING,
} as const;

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
  for (const key of ARRAY_KEYS) {
    const values = items.map((item) => item[key]);
    input[key] = SCALED_KEYS.has(key) ? values.map((v) => Math.trunc(Number(v) * POW_SCALING)) : values;
  }
  const uids = input.validator_uid as number[];
  for (let i = 0; i < FRESHNESS_ENTRIES; i++) uids[items.length - FRESHNESS_ENTRIES + i] = freshness[i];
  Object.assign(input, POW_CONSTANTS);
  return input;
}
