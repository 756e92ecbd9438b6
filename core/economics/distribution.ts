import type { Percentiles } from '../contract/economics.js';
import type { NeuronEarning } from './snapshot.js';

/** numpy's default (`linear`) percentile of ascending `sorted`, p in [0, 100]. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of an empty list');
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

/**
 * Miners: the uids without a validator permit (the ones SN2 validators query, sn2-2026 §5.1), plus any
 * uid the last epoch paid incentive. The second matters on small subnets: permits go to the top
 * `MaxAllowedValidators` uids with stake, so an earning miner gains a permit once its emission is staked.
 */
export const isMiner = (n: NeuronEarning): boolean => n.incentive > 0 || !n.validatorPermit;
export const minersOf = (neurons: readonly NeuronEarning[]): NeuronEarning[] => neurons.filter(isMiner);

export interface MinerDistribution {
  count: number;
  earning: number;
  zero: number;
  /** Ascending alpha per day of every miner, zeros included. */
  perDaySorted: number[];
  perDay: Percentiles | null;
}

/** What registered miners earn now, per day: last epoch's emission × epochs per day. */
export function minerDistribution(
  neurons: readonly NeuronEarning[],
  epochsPerDay: number,
): MinerDistribution {
  const perDaySorted = minersOf(neurons)
    .map((n) => n.emissionAlphaPerEpoch * epochsPerDay)
    .sort((a, b) => a - b);
  const earning = perDaySorted.filter((x) => x > 0).length;
  return {
    count: perDaySorted.length,
    earning,
    zero: perDaySorted.length - earning,
    perDaySorted,
    perDay:
      perDaySorted.length === 0
        ? null
        : {
            p25: percentile(perDaySorted, 25),
            p50: percentile(perDaySorted, 50),
            p75: percentile(perDaySorted, 75),
            p90: percentile(perDaySorted, 90),
          },
  };
}

export const scalePercentiles = (p: Percentiles, factor: number): Percentiles => ({
  p25: p.p25 * factor,
  p50: p.p50 * factor,
  p75: p.p75 * factor,
  p90: p.p90 * factor,
});

/** Share of miners earning strictly less than `perDay` (0–1). */
export function rankAmong(perDaySorted: readonly number[], perDay: number): number {
  if (perDaySorted.length === 0) return 0;
  return perDaySorted.filter((x) => x < perDay).length / perDaySorted.length;
}
