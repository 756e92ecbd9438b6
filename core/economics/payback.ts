import type { Percentiles } from '../contract/economics.js';

export interface Payback {
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
  unknownReason?: string;
}

/** Days to earn `burnTao` back at a rate of `taoPerDay`; null when nothing is earned. */
export const paybackDays = (burnTao: number, taoPerDay: number | null): number | null =>
  taoPerDay === null || taoPerDay <= 0 ? null : burnTao / taoPerDay;

/**
 * Payback at each percentile of what miners earn now, valued at the pool price. It assumes the miner
 * holds that rank from its first day, and today's price and emission: a range, not a promise.
 */
export function paybackAtPercentiles(
  burnTao: number,
  perDayAlpha: Percentiles | null,
  taoPerAlpha: number | null,
): Payback {
  if (perDayAlpha === null)
    return {
      p25: null,
      p50: null,
      p75: null,
      p90: null,
      unknownReason: 'the subnet has no miners to compare with',
    };
  if (taoPerAlpha === null)
    return {
      p25: null,
      p50: null,
      p75: null,
      p90: null,
      unknownReason: 'the subnet pool has no liquidity, so alpha has no TAO price',
    };
  const days = (alpha: number) => paybackDays(burnTao, alpha * taoPerAlpha);
  const out: Payback = {
    p25: days(perDayAlpha.p25),
    p50: days(perDayAlpha.p50),
    p75: days(perDayAlpha.p75),
    p90: days(perDayAlpha.p90),
  };
  if (out.p25 === null || out.p50 === null || out.p75 === null || out.p90 === null)
    out.unknownReason = 'a miner at that rank earns nothing now, so it never pays back at today’s rates';
  return out;
}
