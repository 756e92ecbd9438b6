import { readFileSync } from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { sharedPath } from '../../helpers/shared.js';
import { buildPowInput } from '../../../core/validator/scoring/pow-input.js';
import { scorePowBatch } from '../../../core/validator/scoring/batch-scores.js';
import { createProverPool } from '../../../core/provers/pool.js';
import {
  POW_SCORING_WITNESS_PREFIX,
  poolWitnessCalculator,
} from '../../../core/validator/scoring/witness.js';
import { floatScore, speedFraction } from '../../../core/validator/scoring/float-formula.js';
import type { PowItem } from '../../../core/validator/scoring/pow-item.js';
import { SINGLE_PROOF_OF_WEIGHTS_MODEL_ID } from '../../../core/sn2/constants.js';

interface Vector {
  score_vector_length: number;
  items_float32: Record<keyof PowItem, Array<number | boolean>>;
  freshness_validator_uid_overwrite: number[];
  circuit_input: Record<string, unknown>;
  expected: {
    witness_length: number;
    new_score: string[];
    miner_uid_out: string[];
    score_updates_uid_value: Array<[number, number]>;
    public_signals: string[];
  };
}

const vector = JSON.parse(
  readFileSync(sharedPath('fixtures/sn2/vectors/pow256-scoring-vector.json'), 'utf8'),
) as Vector;
const wasm = sharedPath('fixtures/sn2', `model_${SINGLE_PROOF_OF_WEIGHTS_MODEL_ID}`, 'circuit.wasm');

function items(): PowItem[] {
  const cols = vector.items_float32;
  return cols.miner_uid.map((_, i) => {
    const item = {} as Record<string, unknown>;
    for (const key of Object.keys(cols)) item[key] = cols[key as keyof PowItem][i];
    return item as unknown as PowItem;
  });
}

describe('PoW-256 batch scoring (§5.2, §9.4)', () => {
  it('builds exactly the circuit input of the vector, constants and key order included', () => {
    const input = buildPowInput(items(), vector.freshness_validator_uid_overwrite);
    expect(input).toEqual(vector.circuit_input);
    expect(Object.keys(input)).toEqual(Object.keys(vector.circuit_input));
  });

  it('scores the batch from the real circuit witness: every write of the vector, in order', async () => {
    let witnessLength = 0;
    const pool = createProverPool({ size: 1 });
    const calc = poolWitnessCalculator(pool, wasm);
    onTestFinished(() => pool.close());
    const updates = await scorePowBatch(
      items(),
      vector.score_vector_length,
      async (input) => {
        const w = await calc(input);
        witnessLength = w.length;
        return w;
      },
      vector.freshness_validator_uid_overwrite,
    );
    expect(witnessLength).toBe(vector.expected.witness_length);
    expect(updates.map((u) => [u.uid, u.score])).toEqual(vector.expected.score_updates_uid_value);
  });

  it('scores the same from the witness prefix the validator fetches from the pool', async () => {
    const pool = createProverPool({ size: 1 });
    onTestFinished(() => pool.close());
    const prefix = poolWitnessCalculator(pool, wasm, POW_SCORING_WITNESS_PREFIX);
    const updates = await scorePowBatch(
      items(),
      vector.score_vector_length,
      async (input) => {
        const w = await prefix(input);
        expect(w).toHaveLength(POW_SCORING_WITNESS_PREFIX);
        return w;
      },
      vector.freshness_validator_uid_overwrite,
    );
    expect(updates.map((u) => [u.uid, u.score])).toEqual(vector.expected.score_updates_uid_value);
  });

  it('rejects a batch of the wrong size', async () => {
    await expect(scorePowBatch(items().slice(1), 235, async () => [])).rejects.toThrow(/256 items/);
  });
});

describe('float formula cross-check (§9.6, documentation only)', () => {
  // The float column of the spec's table (maxRT 10 s, minRT 0); its x labels are rounded to 3 digits,
  // which moves the steep end of the curve by up to ~0.002.
  const table: Array<[number, number]> = [
    [0, 1],
    [0.051, 0.7549],
    [0.2, 0.58983],
    [0.502, 0.49956],
    [0.8, 0.41017],
    [0.902, 0.32926],
    [0.988, 0.08899],
    [1, 0.07766],
  ];
  it.each(table)('x = %f gives frac %f', (x, frac) => {
    expect(speedFraction(x * 10, 0, 10)).toBeCloseTo(frac, 2);
  });

  it('tracks the witness scores of the vector within the circuit approximation', () => {
    const cols = vector.items_float32;
    let compared = 0;
    for (const [i, [uid, score]] of vector.expected.score_updates_uid_value.entries()) {
      expect(Number(vector.expected.miner_uid_out[i])).toBe(uid);
      const estimate = floatScore({
        verified: cols.verified[i] === true,
        previousScore: Number(cols.previous_score[i]),
        maxScore: Number(cols.maximum_score[i]),
        responseTime: Number(cols.response_time[i]),
        minimumResponseTime: Number(cols.minimum_response_time[i]),
        maximumResponseTime: Number(cols.maximum_response_time[i]),
      });
      // The circuit's frac differs from the float curve by at most ~0.07 (§9.6 table); a verified
      // response moves 10 % of the way, so scores differ by ≤ 0.007·max_score (+ fixed-point truncation).
      expect(Math.abs(estimate - score)).toBeLessThan(0.007 * Number(cols.maximum_score[i]) + 1e-7);
      compared++;
    }
    expect(compared).toBe(240);
  });
});
