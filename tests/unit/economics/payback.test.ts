import { describe, expect, it } from 'vitest';
import { paybackAtPercentiles, paybackDays } from '../../../core/economics/payback.js';

describe('payback', () => {
  it('divides the burn by what a miner at each rank earns in TAO', () => {
    const p = paybackAtPercentiles(1, { p25: 12.5, p50: 35, p75: 57.5, p90: 84 }, 0.05);
    expect(p.p25).toBeCloseTo(1 / 0.625);
    expect(p.p90).toBeCloseTo(1 / 4.2);
    expect(p.unknownReason).toBeUndefined();
  });

  it('is unknown at a rank that earns nothing, and says why', () => {
    const p = paybackAtPercentiles(1, { p25: 0, p50: 0, p75: 2, p90: 4 }, 0.05);
    expect(p.p25).toBeNull();
    expect(p.p75).toBeCloseTo(10);
    expect(p.unknownReason).toMatch(/earns nothing/);
  });

  it('is unknown without a price (zero liquidity) or without miners', () => {
    expect(paybackAtPercentiles(1, { p25: 1, p50: 2, p75: 3, p90: 4 }, null)).toMatchObject({
      p50: null,
      unknownReason: expect.stringMatching(/no liquidity/),
    });
    expect(paybackAtPercentiles(1, null, 0.05).unknownReason).toMatch(/no miners/);
  });

  it('never divides by zero', () => {
    expect(paybackDays(1, 0)).toBeNull();
    expect(paybackDays(1, null)).toBeNull();
    expect(paybackDays(2, 0.5)).toBe(4);
  });
});
