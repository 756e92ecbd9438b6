import { z } from 'zod';
import { POW_SCALING } from '../constants.js';
import { parseInput, scale1e8 } from './parse.js';
import { defaultRand, randint, repeat } from './random.js';
import type { CircuitInput, InputHandler, Rand } from './types.js';

export const PRACTICE_BATCH = 8;

/** Constants added when missing (×1e8, like SN2's PoW constants). */
const PRACTICE_CONSTANTS = { RATE_OF_DECAY: 40_000_000, RATE_OF_RECOVERY: 10_000_000 } as const;

const unit = z.number().min(0).max(1);
const schema = z
  .object({
    maximum_score: unit,
    previous_score: z.array(unit).length(PRACTICE_BATCH),
    verified: z.array(z.union([z.boolean(), z.literal(0), z.literal(1)])).length(PRACTICE_BATCH),
    miner_uid: z.array(z.number().int().min(0).max(65535)).length(PRACTICE_BATCH),
    RATE_OF_DECAY: z.number().int().min(0).max(POW_SCALING),
    RATE_OF_RECOVERY: z.number().int().min(0).max(POW_SCALING),
    scaling: z.literal(POW_SCALING),
  })
  .strict();

/**
 * The practice circuit (resources/practice-circuit): scores are floats in [0, 1] in a request and ×1e8
 * integers on the wire, exactly as the SN2 PoW circuits handle them.
 */
export function practiceInputs(circuitId: string): InputHandler {
  return {
    requestSchema: schema.partial({ RATE_OF_DECAY: true, RATE_OF_RECOVERY: true, scaling: true }),
    generate(rand: Rand = defaultRand): CircuitInput {
      const maxScore = Math.trunc((1 / PRACTICE_BATCH) * 1e8);
      return {
        RATE_OF_DECAY: PRACTICE_CONSTANTS.RATE_OF_DECAY,
        RATE_OF_RECOVERY: PRACTICE_CONSTANTS.RATE_OF_RECOVERY,
        maximum_score: maxScore,
        previous_score: repeat(PRACTICE_BATCH, () => randint(rand, 0, maxScore)),
        verified: repeat(PRACTICE_BATCH, () => rand() < 0.5),
        miner_uid: repeat(PRACTICE_BATCH, () => randint(rand, 0, 255)),
        scaling: POW_SCALING,
      };
    },
    process(raw: unknown): CircuitInput {
      const draft =
        typeof raw === 'object' && raw !== null && !Array.isArray(raw)
          ? { ...PRACTICE_CONSTANTS, scaling: POW_SCALING, ...(raw as Record<string, unknown>) }
          : raw;
      const v = parseInput(circuitId, schema, draft);
      return {
        RATE_OF_DECAY: v.RATE_OF_DECAY,
        RATE_OF_RECOVERY: v.RATE_OF_RECOVERY,
        maximum_score: scale1e8(v.maximum_score),
        previous_score: v.previous_score.map(scale1e8),
        verified: v.verified,
        miner_uid: v.miner_uid,
        scaling: v.scaling,
      };
    },
  };
}
