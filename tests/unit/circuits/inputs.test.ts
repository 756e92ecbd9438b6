import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  LSTM_MODEL_ID,
  PRACTICE_CIRCUIT_ID,
  SINGLE_PROOF_OF_WEIGHTS_MODEL_ID,
  SN27_POW_MODEL_ID,
  SN48_POW_MODEL_ID,
} from '../../../core/circuits/constants.js';
import { generateInput, validateInput } from '../../../core/circuits/inputs/registry.js';
import { CircuitInputError } from '../../../core/circuits/inputs/types.js';
import { POW_ARRAY_KEYS, POW_CONSTANTS } from '../../../core/circuits/inputs/pow-circom.js';
import { sharedPath } from '../../helpers/shared.js';

/** Deterministic stand-in for Math.random (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('PoW 256 inputs (§5.2)', () => {
  const vector = JSON.parse(
    readFileSync(sharedPath('fixtures/sn2/vectors/pow256-scoring-vector.json'), 'utf8'),
  ) as {
    items_float32: Record<string, unknown[]>;
    freshness_validator_uid_overwrite: number[];
    circuit_input: Record<string, unknown>;
  };

  it('processes the float32 queue items into exactly the vector circuit input', () => {
    const fresh = vector.freshness_validator_uid_overwrite;
    // randint(0, 65535) = floor(rand * 65536): feed the vector's fresh values back through rand.
    let i = 0;
    const rand = () => (fresh[i++] + 0.5) / 65536;
    const out = validateInput(SINGLE_PROOF_OF_WEIGHTS_MODEL_ID, vector.items_float32, rand);
    expect(out).toEqual(vector.circuit_input);
    expect(Object.keys(out)).toEqual(Object.keys(vector.circuit_input));
  });

  it('generates a benchmark input in final form', () => {
    const input = generateInput(SINGLE_PROOF_OF_WEIGHTS_MODEL_ID, seeded(1));
    expect(Object.keys(input)).toEqual([...POW_ARRAY_KEYS, ...Object.keys(POW_CONSTANTS)]);
    for (const k of POW_ARRAY_KEYS) expect(input[k]).toHaveLength(256);
    expect(new Set(input.response_time as number[]).size).toBe(1);
    expect((input.maximum_score as number[])[0]).toBe(390625);
    const min = (input.minimum_response_time as number[])[0];
    const max = (input.maximum_response_time as number[])[0];
    expect(max).toBeGreaterThanOrEqual(min);
  });

  it('names every bad field of a malformed input', () => {
    const bad = { ...vector.items_float32, previous_score: [1, 2], verified: 'yes' };
    expect(() => validateInput(SINGLE_PROOF_OF_WEIGHTS_MODEL_ID, bad)).toThrow(CircuitInputError);
    expect(() => validateInput(SINGLE_PROOF_OF_WEIGHTS_MODEL_ID, bad)).toThrow(
      /previous_score.*verified|verified.*previous_score/,
    );
    expect(() => validateInput(SINGLE_PROOF_OF_WEIGHTS_MODEL_ID, null)).toThrow(CircuitInputError);
  });
});

describe('EZKL circuit inputs', () => {
  it('LSTM: five floats in [0, 0.85); RWR validated unchanged', () => {
    const input = generateInput(LSTM_MODEL_ID, seeded(2));
    const items = input.list_items as number[];
    expect(items).toHaveLength(5);
    for (const x of items) expect(x >= 0 && x < 0.85).toBe(true);
    expect(validateInput(LSTM_MODEL_ID, { list_items: [0.1, 0.2, 0.3, 0.4, 0.5] })).toEqual({
      list_items: [0.1, 0.2, 0.3, 0.4, 0.5],
    });
    expect(() => validateInput(LSTM_MODEL_ID, { list_items: [0.1] })).toThrow(/list_items/);
    expect(() => validateInput(LSTM_MODEL_ID, { list_items: [1, 2, 3, 4, 5], extra: 1 })).toThrow(
      CircuitInputError,
    );
  });

  it('SN27 and SN48: key order kept, nonce refreshed on RWR', () => {
    const sn27 = generateInput(SN27_POW_MODEL_ID, seeded(3));
    expect(Object.keys(sn27)[0]).toBe('challenge_attempts');
    expect(Object.keys(sn27).at(-1)).toBe('nonce');
    const processed = validateInput(SN27_POW_MODEL_ID, sn27, () => 0.25);
    expect(processed.nonce).toEqual([2 ** 30]);
    expect(Object.keys(processed)).toEqual(Object.keys(sn27));

    const sn48 = generateInput(SN48_POW_MODEL_ID, seeded(4));
    expect(sn48.scores).toHaveLength(256);
    expect(validateInput(SN48_POW_MODEL_ID, sn48, () => 0).nonce).toEqual([0]);
    expect(() => validateInput(SN48_POW_MODEL_ID, { ...sn48, scores: [0.5] })).toThrow(/scores/);
  });
});

describe('practice circuit inputs', () => {
  it('scales floats ×1e8 and adds the constants', () => {
    const out = validateInput(PRACTICE_CIRCUIT_ID, {
      maximum_score: 0.125,
      previous_score: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7],
      verified: [true, false, true, false, 1, 0, true, true],
      miner_uid: [0, 1, 2, 3, 4, 5, 6, 7],
    });
    expect(out.maximum_score).toBe(12_500_000);
    expect(out.previous_score).toEqual([
      0, 10_000_000, 20_000_000, 30_000_000, 40_000_000, 50_000_000, 60_000_000, 70_000_000,
    ]);
    expect(out.RATE_OF_DECAY).toBe(40_000_000);
    expect(out.scaling).toBe(100_000_000);
    expect(() => validateInput(PRACTICE_CIRCUIT_ID, { maximum_score: 2 })).toThrow(/maximum_score/);
  });
});
