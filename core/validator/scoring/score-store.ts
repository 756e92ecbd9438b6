import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../../util/atomic-file.js';
import { formatZodError } from '../../util/zod-error.js';

const EvaluationItemSchema = z.object({
  circuit_id: z.string(),
  uid: z.number().int(),
  minimum_response_time: z.number(),
  maximum_response_time: z.number(),
  proof_size: z.number(),
  response_time: z.number(),
  score: z.number(),
  verification_result: z.boolean(),
});

const PowItemSchema = z.object({
  maximum_score: z.number(),
  previous_score: z.number(),
  verified: z.union([z.boolean(), z.literal(0)]),
  proof_size: z.number(),
  response_time: z.number(),
  competition: z.number(),
  maximum_response_time: z.number(),
  minimum_response_time: z.number(),
  block_number: z.number().int(),
  validator_uid: z.number().int(),
  miner_uid: z.number().int(),
});

export const ValidatorStateSchema = z.object({
  version: z.literal(1),
  netuid: z.number().int(),
  hotkey: z.string(),
  /** float32 scores by uid (upstream `scores.pt`). */
  scores: z.array(z.number()),
  evaluation: z.record(z.string(), z.array(EvaluationItemSchema)),
  queue: z.array(PowItemSchema),
  lastBatchStep: z.number().int(),
  savedAt: z.number(),
});
export type ValidatorState = z.infer<typeof ValidatorStateSchema>;

export class ScoreStateError extends Error {
  override readonly name = 'ScoreStateError';
}

/**
 * The validator's persistent scoring state, one JSON file replaced atomically (temp file, fsync,
 * rename), so a kill -9 at any moment leaves the previous or the new state, never a torn one.
 */
export class ScoreStore {
  constructor(readonly path: string) {}

  load(): ValidatorState | undefined {
    if (!existsSync(this.path)) return undefined;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch (err) {
      throw new ScoreStateError(`validator state ${this.path} is not valid JSON`, { cause: err });
    }
    const parsed = ValidatorStateSchema.safeParse(raw);
    if (!parsed.success)
      throw new ScoreStateError(`validator state ${this.path} is invalid: ${formatZodError(parsed.error)}`);
    return parsed.data;
  }

  save(state: ValidatorState): void {
    writeFileAtomic(this.path, JSON.stringify(state));
  }
}
