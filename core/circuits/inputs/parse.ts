import type { z } from 'zod';
import { formatZodError } from '../../util/zod-error.js';
import { CircuitInputError } from './types.js';

export function parseInput<S extends z.ZodType>(circuitId: string, schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (!result.success) throw new CircuitInputError(circuitId, formatZodError(result.error));
  return result.data;
}

/** Python `int(v * 100000000)` for the ×1e8 fixed-point inputs: computed in double, truncated. */
export const scale1e8 = (v: number): number => Math.trunc(v * 1e8);
