import type { BurnSchedule } from '../chain/burn-schedule.js';

const tao = (rao: bigint): number => Number(rao) / 1e9;
const hours = (blocks: number, blockSeconds: number): number => (blocks * blockSeconds) / 3600;

export const immunityHours = (immunityBlocks: number, blockSeconds: number): number =>
  hours(immunityBlocks, blockSeconds);

/** How the registration price moves, in one sentence, from the runtime's own burn items. */
export function burnMoves(s: BurnSchedule, blockSeconds: number): string {
  const range = `between ${tao(s.minBurnRao)} and ${tao(s.maxBurnRao)} TAO (MinBurn, MaxBurn)`;
  if (s.kind === 'decay')
    return (
      `The price decays every block toward the minimum (BurnHalfLife ${s.halfLifeBlocks} blocks ≈ ` +
      `${hours(s.halfLifeBlocks, blockSeconds).toFixed(1)} h) and is multiplied by BurnIncreaseMult ` +
      `(${s.increaseMult}) after each registration, ${range}.`
    );
  return (
    `The price is re-set every ${s.adjustmentInterval} blocks (AdjustmentInterval ≈ ` +
    `${hours(s.adjustmentInterval, blockSeconds).toFixed(1)} h): up when more than ` +
    `${s.targetRegistrationsPerInterval} registrations (TargetRegistrationsPerInterval) happened in the ` +
    `interval, down toward the minimum when fewer (${s.registrationsThisInterval} so far), ${range}.`
  );
}

/**
 * Which neuron a registration replaces on a full subnet. The shared spec says only "a prunable neuron"
 * (subtensor.md §4.3); the rule below is subtensor's `get_neuron_to_prune` (pallets/subtensor/src/
 * subnets/registration.rs) as of 2025, so it is reported as an assumption.
 */
export const REPLACEMENT_RULE_IS_ASSUMPTION = true;

export function replacementRule(slotsUsed: number, slotsMax: number, immunityHoursText: string): string {
  const rule =
    'a new registration replaces the neuron with the lowest pruning score (its emission), ties going ' +
    'to the earliest registered, among those past their immunity period; only if all are immune, the ' +
    "lowest immune one; the subnet owner's hotkey is never replaced";
  const now =
    slotsUsed < slotsMax
      ? `${slotsMax - slotsUsed} of ${slotsMax} uids are free, so a registration now takes a free uid and replaces no one; once the subnet is full, ${rule}.`
      : `All ${slotsMax} uids are taken: ${rule}.`;
  return `${now} You are protected for the immunity period (${immunityHoursText}); after it, earning the least makes you the next one replaced.`;
}
