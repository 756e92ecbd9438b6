import { describe, expect, it } from 'vitest';
import { minerDistribution, percentile, rankAmong } from '../../../core/economics/distribution.js';
import { mainnetLike, neuron } from './snapshots.js';

describe('what registered miners earn', () => {
  it('interpolates percentiles as numpy does', () => {
    // numpy.percentile([1, 2, 3, 4], [25, 50, 75, 90]) = [1.75, 2.5, 3.25, 3.7]
    const xs = [1, 2, 3, 4];
    expect(percentile(xs, 25)).toBeCloseTo(1.75);
    expect(percentile(xs, 50)).toBeCloseTo(2.5);
    expect(percentile(xs, 75)).toBeCloseTo(3.25);
    expect(percentile(xs, 90)).toBeCloseTo(3.7);
    expect(percentile([7], 90)).toBe(7);
    expect(() => percentile([], 50)).toThrow(RangeError);
  });

  it('leaves validator-permit uids out and counts the zeros', () => {
    const d = minerDistribution(mainnetLike().neurons, 20);
    expect(d.count).toBe(10);
    expect(d.earning).toBe(8);
    expect(d.zero).toBe(2);
    // per day = per epoch × 20: [0, 0, 10, 20, 30, 40, 50, 60, 80, 120]
    expect(d.perDay).toEqual({
      p25: expect.closeTo(12.5, 9),
      p50: expect.closeTo(35, 9),
      p75: expect.closeTo(57.5, 9),
      p90: expect.closeTo(84, 9),
    });
  });

  it('has no percentiles without miners, and all-zero percentiles when none earns', () => {
    expect(minerDistribution([neuron(0, 5, true)], 20)).toMatchObject({ count: 0, perDay: null });
    const idle = minerDistribution([neuron(1, 0), neuron(2, 0)], 20);
    expect(idle).toMatchObject({ count: 2, earning: 0, zero: 2, perDay: { p25: 0, p50: 0, p75: 0, p90: 0 } });
  });

  it('ranks a miner by the share earning strictly less', () => {
    expect(rankAmong([0, 0, 10, 20], 10)).toBe(0.5);
    expect(rankAmong([0, 0, 10, 20], 0)).toBe(0);
    expect(rankAmong([], 5)).toBe(0);
  });
});

describe('who counts as a miner', () => {
  it('a permit holder paid incentive is a miner (small subnets hand permits to staked miners)', () => {
    const d = minerDistribution([neuron(0, 5, true, 0), neuron(1, 2, true, 0.4), neuron(2, 0)], 10);
    expect(d).toMatchObject({ count: 2, earning: 1, zero: 1 });
    expect(d.perDaySorted).toEqual([0, 20]);
  });
});
