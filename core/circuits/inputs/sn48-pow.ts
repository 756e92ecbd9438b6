import { z } from 'zod';
import { parseInput } from './parse.js';
import { defaultRand, random32, repeat } from './random.js';
import type { CircuitInput, InputHandler, Rand } from './types.js';

const one = z.array(z.number().finite()).length(1);
const schema = z
  .object({
    scores: z.array(z.number().finite()).length(256),
    top_tier_pct: one,
    next_tier_pct: one,
    top_tier_weight: one,
    next_tier_weight: one,
    bottom_tier_weight: one,
    // Upstream's schema types the nonce as float; it is an integer in practice.
    nonce: one,
  })
  .strict();

/** SN48 proof-of-weights (`43ec…`, §5.5). */
export function sn48PowInputs(circuitId: string): InputHandler {
  return {
    generate: (rand: Rand = defaultRand): CircuitInput => ({
      scores: repeat(256, () => rand()),
      top_tier_pct: [0.1],
      next_tier_pct: [0.4],
      top_tier_weight: [0.7],
      next_tier_weight: [0.2],
      bottom_tier_weight: [0.1],
      nonce: [random32(rand)],
    }),
    requestSchema: schema,
    process(raw: unknown, rand: Rand = defaultRand): CircuitInput {
      const valid: CircuitInput = parseInput(circuitId, schema, raw);
      return { ...valid, nonce: [random32(rand)] };
    },
  };
}
