import { z } from 'zod';
import { parseInput } from './parse.js';
import { defaultRand, randint, random32, repeat } from './random.js';
import type { CircuitInput, InputHandler, Rand } from './types.js';

const N = 256;
const ints = z.array(z.number().int()).length(N);
const floats = z.array(z.number().finite()).length(N);
const one = z.array(z.number().finite()).length(1);

/** Key order is significant: EZKL takes the values positionally. */
const schema = z
  .object({
    challenge_attempts: ints,
    challenge_successes: ints,
    last_20_challenge_failed: ints,
    challenge_elapsed_time_avg: floats,
    last_20_difficulty_avg: floats,
    has_docker: z.array(z.boolean()).length(N),
    uid: ints,
    allocated_uids: ints,
    penalized_uids: ints,
    validator_uids: ints,
    success_weight: one,
    difficulty_weight: one,
    time_elapsed_weight: one,
    failed_penalty_weight: one,
    allocation_weight: one,
    pow_timeout: one,
    pow_min_difficulty: one,
    pow_max_difficulty: one,
    nonce: z.array(z.number().int()).length(1),
  })
  .strict();

/** SN27 proof-of-weights (`1876…`, §5.4). */
export function sn27PowInputs(circuitId: string): InputHandler {
  return {
    generate(rand: Rand = defaultRand): CircuitInput {
      const uids = () => repeat(N, () => randint(rand, 0, 255));
      return {
        challenge_attempts: repeat(N, () => randint(rand, 5, 10)),
        challenge_successes: repeat(N, () => randint(rand, 4, 8)),
        last_20_challenge_failed: repeat(N, () => randint(rand, 0, 20)),
        challenge_elapsed_time_avg: repeat(N, () => 4 + 4 * rand()),
        last_20_difficulty_avg: repeat(N, () => 7 + 5 * rand()),
        has_docker: repeat(N, () => rand() < 0.5),
        uid: uids(),
        allocated_uids: uids(),
        penalized_uids: uids(),
        validator_uids: uids(),
        success_weight: [1],
        difficulty_weight: [1],
        time_elapsed_weight: [0.3],
        failed_penalty_weight: [0.4],
        allocation_weight: [0.21],
        pow_timeout: [30.0],
        pow_min_difficulty: [7],
        pow_max_difficulty: [12],
        nonce: [random32(rand)],
      };
    },
    requestSchema: schema,
    process(raw: unknown, rand: Rand = defaultRand): CircuitInput {
      const valid: CircuitInput = parseInput(circuitId, schema, raw);
      return { ...valid, nonce: [random32(rand)] };
    },
  };
}
