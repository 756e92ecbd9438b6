import type { EconomicsReport, MyEconomics } from '../contract/economics.js';
import type { EconomicsSnapshot } from './snapshot.js';
import { isMiner, minerDistribution, rankAmong } from './distribution.js';
import { toTao } from './emission.js';
import { paybackDays } from './payback.js';

/**
 * The registered hotkey's live figures: its emission per day against the other miners, days since it
 * registered against the payback at its current rate (valued at today's burn), immunity left.
 * Null when `hotkey` has no uid on the subnet.
 */
export function myPosition(
  s: EconomicsSnapshot,
  report: EconomicsReport,
  hotkey: string,
  registeredAtBlock: number,
): MyEconomics | null {
  const me = s.neurons.find((n) => n.hotkey === hotkey);
  if (!me) return null;
  const perDay = me.emissionAlphaPerEpoch * report.epochsPerDay;
  const taoPerDay = toTao(perDay, report.price.taoPerAlpha);
  const dist = minerDistribution(s.neurons, report.epochsPerDay);
  const immunityBlocksLeft = Math.max(0, registeredAtBlock + s.immunityPeriod - s.block);
  return {
    hotkey,
    uid: me.uid,
    emissionAlphaPerDay: perDay,
    emissionTaoPerDay: taoPerDay,
    rankAmongMiners: !isMiner(me) ? null : rankAmong(dist.perDaySorted, perDay),
    registeredAtBlock,
    daysSinceRegistration: ((s.block - registeredAtBlock) * s.blockSeconds) / 86_400,
    paybackDays: paybackDays(report.registration.burnTao, taoPerDay),
    immunityBlocksLeft,
    immunityHoursLeft: (immunityBlocksLeft * s.blockSeconds) / 3600,
  };
}
