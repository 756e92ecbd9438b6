import { describe, expect, it } from 'vitest';
import { inputJsonSchema, validateInput } from '../../../core/circuits/inputs/registry.js';
import {
  PRACTICE_CIRCUIT_ID,
  SINGLE_PROOF_OF_WEIGHTS_MODEL_ID,
  LSTM_MODEL_ID,
} from '../../../core/circuits/constants.js';

describe('request JSON schemas (GET /circuits input_schema)', () => {
  it('describes what a request must send, with filled-in constants optional', () => {
    const practice = inputJsonSchema(PRACTICE_CIRCUIT_ID)!;
    expect(practice.type).toBe('object');
    expect(practice.required).toEqual(['maximum_score', 'previous_score', 'verified', 'miner_uid']);
    const pow = inputJsonSchema(SINGLE_PROOF_OF_WEIGHTS_MODEL_ID)! as {
      required: string[];
      properties: Record<string, { minItems?: number }>;
    };
    expect(pow.required).not.toContain('RATE_OF_DECAY');
    expect(pow.required).toContain('validator_uid');
    expect(pow.properties.previous_score.minItems).toBe(256);
    expect(inputJsonSchema(LSTM_MODEL_ID)!.required).toEqual(['list_items']);
    expect(inputJsonSchema('0'.repeat(64))).toBeUndefined();
  });

  it('an input that satisfies the practice request schema is accepted by the handler', () => {
    const raw = {
      maximum_score: 0.125,
      previous_score: Array(8).fill(0.1),
      verified: Array(8).fill(true),
      miner_uid: [0, 1, 2, 3, 4, 5, 6, 7],
    };
    expect(validateInput(PRACTICE_CIRCUIT_ID, raw).maximum_score).toBe(12_500_000);
  });
});
