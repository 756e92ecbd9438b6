import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { feltToFloat, floatToFelt } from '../../../core/circuits/felt.js';
import type { EzklInputType } from '../../../core/circuits/settings.js';
import { sharedPath } from '../../helpers/shared.js';

interface FeltCase {
  value: number;
  scale: number;
  input_type: EzklInputType;
  felt_le_hex: string;
}

describe('floatToFelt (ezkl 22.0.1 float_to_felt)', () => {
  const vectors = JSON.parse(
    readFileSync(sharedPath('fixtures/sn2/vectors/ezkl-felt-vectors.json'), 'utf8'),
  ) as {
    cases: FeltCase[];
  };

  it('matches every shared vector', () => {
    expect(vectors.cases.length).toBeGreaterThan(5);
    for (const c of vectors.cases)
      expect(floatToFelt(c.value, c.scale, c.input_type), JSON.stringify(c)).toBe(c.felt_le_hex);
  });

  it('decodes the LSTM output instance of the upstream proof', () => {
    expect(feltToFloat('60f9ffef93f5e1439170b97948e833285d588181b64550b829a031e1724e6430', 13)).toBe(
      -0.2071533203125,
    );
  });

  it('rejects a Bool that is neither 0 nor 1', () => {
    expect(() => floatToFelt(2, 0, 'Bool')).toThrow(/0 or 1/);
  });
});
