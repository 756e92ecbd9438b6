import { describe, expect, it } from 'vitest';
import {
  blocksPerDay,
  epochsPerDay,
  minersAlphaPerDay,
  poolPrice,
  toTao,
} from '../../../core/economics/emission.js';

describe('subnet emission to miners', () => {
  it('counts 7200 blocks and 20 epochs a day at 12 s blocks and tempo 359', () => {
    expect(blocksPerDay(12)).toBe(7200);
    expect(epochsPerDay(12, 359)).toBe(20);
    expect(epochsPerDay(1, 5)).toBeCloseTo(14_400);
  });

  it('gives miners half of what is left after the owner cut', () => {
    // 1 alpha/block × 7200 × 0.82 × 0.5
    expect(minersAlphaPerDay(10n ** 9n, 0.18, 12)).toBeCloseTo(2952);
    expect(minersAlphaPerDay(0n, 0.18, 12)).toBe(0);
    expect(minersAlphaPerDay(10n ** 9n, 1, 12)).toBe(0);
  });

  it('prices alpha at tao_in / alpha_in and has no price without liquidity', () => {
    expect(poolPrice(100n, 2000n)).toBeCloseTo(0.05);
    expect(poolPrice(0n, 2000n)).toBeNull();
    expect(poolPrice(100n, 0n)).toBeNull();
    expect(toTao(10, 0.05)).toBeCloseTo(0.5);
    expect(toTao(10, null)).toBeNull();
  });
});
