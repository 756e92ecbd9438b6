import type { EconomicsReport } from '../../../core/contract/index.js';

/** A report as the core computes it for a mainnet-shaped subnet (tests/unit/economics/snapshots.ts: mainnetLike). */
export const ECONOMICS_REPORT: EconomicsReport = {
  netuid: 2,
  block: 1000000,
  blockSeconds: 12,
  blockSecondsBasis: 'AuraApi.slot_duration',
  tempo: 359,
  epochsPerDay: 20,
  price: {
    taoPerAlpha: 0.05,
    basis: 'pool price tao_in ÷ alpha_in (SubnetInfoRuntimeApi.get_dynamic_info), as the SDK computes it',
  },
  emission: {
    subnetAlphaPerBlock: 1,
    ownerCut: 0.18,
    minerShare: 0.41000000000000003,
    minersAlphaPerDay: 2952,
    minersTaoPerDay: 147.6,
    paidLastEpochAlphaPerDay: 410,
    basis:
      'alpha_out_emission per block (get_dynamic_info) × blocks per day × (1 − SubnetOwnerCut) × ½ (the miners’ half of subtensor’s epoch split); "paid last epoch" sums the metagraph emission of the miners (uids without a validator permit or with incentive)',
  },
  miners: {
    count: 10,
    earning: 8,
    zero: 2,
    perDayAlpha: {
      p25: 12.5,
      p50: 35,
      p75: 57.5,
      p90: 83.99999999999999,
    },
    perDayTao: {
      p25: 0.625,
      p50: 1.75,
      p75: 2.875,
      p90: 4.199999999999999,
    },
    basis: "each miner's emission in the last epoch (get_neurons_lite) × 20.0 epochs per day",
  },
  registration: {
    allowed: true,
    burnRao: '1000000000',
    burnTao: 1,
    minBurnTao: 0.5,
    maxBurnTao: 100,
    burnMoves:
      'The price is re-set every 360 blocks (AdjustmentInterval ≈ 1.2 h): up when more than 2 registrations (TargetRegistrationsPerInterval) happened in the interval, down toward the minimum when fewer (1 so far), between 0.5 and 100 TAO (MinBurn, MaxBurn).',
    slotsUsed: 11,
    slotsMax: 256,
    immunityBlocks: 5000,
    immunityHours: 16.666666666666668,
    replacementRule:
      "245 of 256 uids are free, so a registration now takes a free uid and replaces no one; once the subnet is full, a new registration replaces the neuron with the lowest pruning score (its emission), ties going to the earliest registered, among those past their immunity period; only if all are immune, the lowest immune one; the subnet owner's hotkey is never replaced. You are protected for the immunity period (5000 blocks ≈ 16.7 h); after it, earning the least makes you the next one replaced.",
    replacementRuleIsAssumption: true,
  },
  payback: {
    p25: 1.6,
    p50: 0.5714285714285714,
    p75: 0.34782608695652173,
    p90: 0.23809523809523814,
  },
  warmUp: {
    minSamples: 100,
    windowBlocks: 7200,
    windowHours: 24,
    immunityCoversWindow: false,
    basis:
      "On the 2026 protocol a miner earns nothing until it has 100 scored responses within the validator's 7200-block window (≈ 24 h here; sn2-2026 §5.2); how fast they come depends on the validator’s query rate, which is not on chain.",
  },
  risks: [
    'A new miner starts at zero: 2 of 10 miners earn nothing now.',
    'The burn is not refunded, and TAO figures move with the pool price.',
    'Validators reach only miners with a public IPv4 address and a forwarded port: check reachability before paying.',
  ],
};
