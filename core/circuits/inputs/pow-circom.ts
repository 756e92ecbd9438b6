import { z } from 'zod';
import { POW_SCALING } from '../constants.js';
import { parseInput, scale1e8 } from './parse.js';
import { defaultRand, randint, repeat } from './random.js';
import type { CircuitInput, InputHandler, Rand } from './types.js';

/** The 11 per-miner arrays, in the key order upstream builds an RWR input (§5.2). */
export const POW_ARRAY_KEYS = [
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
] as const;

/** Arrays that arrive as floats and are scaled ×1e8 with truncation (RWR step 4). */
export const POW_FLOAT_KEYS = [
  'maximum_score',
  'previous_score',
  'proof_size',
  'response_time',
  'competition',
  'maximum_response_time',
  'minimum_response_time',
] as const;

/** Constants added when missing, in upstream key order, then `scaling`. */
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

const FRESHNESS_ENTRIES = 16;

function rwrSchema(batch: number, constants: 'required' | 'optional' = 'required') {
  const arr = <T extends z.ZodType>(item: T) => z.array(item).length(batch);
  const int = z.number().int();
  const float = z.number().finite();
  return z.object({
    maximum_score: arr(float),
    previous_score: arr(float),
    // Padding items carry the integer 0 instead of false.
    verified: arr(z.union([z.boolean(), z.literal(0), z.literal(1)])),
    proof_size: arr(float),
    response_time: arr(float),
    competition: arr(float),
    maximum_response_time: arr(float),
    minimum_response_time: arr(float),
    block_number: arr(int.nonnegative()),
    validator_uid: arr(int.nonnegative()),
    miner_uid: arr(int.min(-1)),
    ...Object.fromEntries(
      Object.keys(POW_CONSTANTS).map((k) => [k, constants === 'optional' ? int.optional() : int]),
    ),
  });
}

/**
 * Inputs of the PoW Circom circuits (`4a87…` with batch 256, `1550853…` with batch 1024), sn2-protocol §5.2.
 */
export function powCircomInputs(circuitId: string, batch: number): InputHandler {
  const schema = rwrSchema(batch);
  return {
    requestSchema: rwrSchema(batch, 'optional'),
    generate(rand: Rand = defaultRand): CircuitInput {
      const minRt = Math.trunc(rand() * 60 * 1e8);
      const maxRt = minRt + Math.trunc(rand() * 60 * 1e8);
      const rt = Math.trunc(rand() * (maxRt - minRt)) + minRt;
      const maxScore = Math.trunc((1 / batch) * 1e8);
      return {
        maximum_score: repeat(batch, () => maxScore),
        previous_score: repeat(batch, () => randint(rand, 0, maxScore - 1)),
        verified: repeat(batch, () => rand() < 0.5),
        proof_size: repeat(batch, () => randint(rand, 0, 5000) * 1e8),
        response_time: repeat(batch, () => rt),
        competition: repeat(batch, () => Math.trunc(rand() * 1e8)),
        maximum_response_time: repeat(batch, () => maxRt),
        minimum_response_time: repeat(batch, () => minRt),
        block_number: repeat(batch, () => randint(rand, 3_000_000, 10_000_000)),
        validator_uid: repeat(batch, () => randint(rand, 0, 255)),
        miner_uid: repeat(batch, () => randint(rand, 0, 255)),
        ...POW_CONSTANTS,
      };
    },

    process(raw: unknown, rand: Rand = defaultRand): CircuitInput {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        return parseInput(circuitId, schema, raw);
      }
      const draft: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
      // 1. Freshness: the last 16 validator uids become fresh random 16-bit values.
      if (Array.isArray(draft.validator_uid) && draft.validator_uid.length === batch) {
        const uids = [...draft.validator_uid];
        for (let i = 0; i < FRESHNESS_ENTRIES; i++)
          uids[batch - FRESHNESS_ENTRIES + i] = randint(rand, 0, 65535);
        draft.validator_uid = uids;
      }
      // 2. Missing constants.
      for (const [k, v] of Object.entries(POW_CONSTANTS)) if (!(k in draft)) draft[k] = v;
      // 3. Schema.
      const valid = parseInput(circuitId, schema, draft);
      // 4. Scaling, and the upstream key order.
      const out: CircuitInput = {};
      for (const key of POW_ARRAY_KEYS) {
        const values = valid[key] as unknown[];
        out[key] = (POW_FLOAT_KEYS as readonly string[]).includes(key)
          ? (values as number[]).map(scale1e8)
          : values;
      }
      for (const key of Object.keys(POW_CONSTANTS)) out[key] = valid[key as keyof typeof valid];
      return out;
    },
  };
}
