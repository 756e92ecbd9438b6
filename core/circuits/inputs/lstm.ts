import { z } from 'zod';
import { parseInput } from './parse.js';
import { defaultRand, repeat } from './random.js';
import type { CircuitInput, InputHandler, Rand } from './types.js';

const schema = z.object({ list_items: z.array(z.number().finite()).length(5) }).strict();

/** LSTM (`31df…`, §5.3): five floats; benchmarks draw them uniformly from [0, 0.85). */
export function lstmInputs(circuitId: string): InputHandler {
  return {
    generate: (rand: Rand = defaultRand): CircuitInput => ({ list_items: repeat(5, () => rand() * 0.85) }),
    requestSchema: schema,
    process: (raw: unknown): CircuitInput => parseInput(circuitId, schema, raw),
  };
}
