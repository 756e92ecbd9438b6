import { z } from 'zod';

/**
 * "Should I mine here?": what mining a subnet pays, from the chain (core/economics). Every figure
 * comes with the chain fields it is based on (`basis`), so a front end can say so next to the number.
 */

/** Per-miner daily emission at the 25th/50th/75th/90th percentile (numpy's linear interpolation). */
export const PercentilesSchema = z.object({
  p25: z.number(),
  p50: z.number(),
  p75: z.number(),
  p90: z.number(),
});
export type Percentiles = z.infer<typeof PercentilesSchema>;

/** Payback days per percentile; null where the miner at that rank earns nothing (or the price is unknown). */
export const PaybackSchema = z.object({
  p25: z.number().nullable(),
  p50: z.number().nullable(),
  p75: z.number().nullable(),
  p90: z.number().nullable(),
  /** Why some or all are null. */
  unknownReason: z.string().optional(),
});

export const EconomicsReportSchema = z.object({
  netuid: z.number().int(),
  block: z.number().int(),
  /** Seconds per block and where that came from (the runtime's Aura slot duration, or the 12 s target). */
  blockSeconds: z.number(),
  blockSecondsBasis: z.string(),
  tempo: z.number().int(),
  epochsPerDay: z.number(),
  price: z.object({
    /** TAO per alpha; null without liquidity (alpha_in = 0 or tao_in = 0). */
    taoPerAlpha: z.number().nullable(),
    basis: z.string(),
  }),
  emission: z.object({
    /** DynamicInfo.alpha_out_emission: alpha per block into the subnet. */
    subnetAlphaPerBlock: z.number(),
    /** SubnetOwnerCut ÷ 65535. */
    ownerCut: z.number(),
    /** The share of the subnet's alpha that goes to miners (incentive) after the owner cut. */
    minerShare: z.number(),
    minersAlphaPerDay: z.number(),
    minersTaoPerDay: z.number().nullable(),
    /** What the miners were actually paid in the last epoch (metagraph emission), scaled to a day. */
    paidLastEpochAlphaPerDay: z.number(),
    basis: z.string(),
  }),
  miners: z.object({
    /** Uids without a validator permit (the ones SN2 validators query) or paid incentive last epoch. */
    count: z.number().int(),
    earning: z.number().int(),
    zero: z.number().int(),
    /** null when the subnet has no miners. */
    perDayAlpha: PercentilesSchema.nullable(),
    perDayTao: PercentilesSchema.nullable(),
    basis: z.string(),
  }),
  registration: z.object({
    allowed: z.boolean(),
    burnRao: z.string(),
    burnTao: z.number(),
    minBurnTao: z.number(),
    maxBurnTao: z.number(),
    /** How the price moves (decay toward the minimum, rises after registrations), from the runtime's own items. */
    burnMoves: z.string(),
    slotsUsed: z.number().int(),
    slotsMax: z.number().int(),
    immunityBlocks: z.number().int(),
    immunityHours: z.number(),
    /** Which neuron a registration replaces when the subnet is full, and on what authority. */
    replacementRule: z.string(),
    replacementRuleIsAssumption: z.boolean(),
  }),
  payback: PaybackSchema,
  /**
   * What a new miner goes through before it can earn on the 2026 protocol (sn2-2026 §5.2): enough scored
   * samples inside the validator's data window; and whether the immunity period outlasts that window.
   */
  warmUp: z.object({
    minSamples: z.number().int(),
    windowBlocks: z.number().int(),
    windowHours: z.number(),
    immunityCoversWindow: z.boolean(),
    basis: z.string(),
  }),
  /** Plain sentences, the most important first. */
  risks: z.array(z.string()),
});
export type EconomicsReport = z.infer<typeof EconomicsReportSchema>;

/** The wallet hotkey's own figures once registered (the Mining page). */
export const MyEconomicsSchema = z.object({
  hotkey: z.string(),
  uid: z.number().int(),
  emissionAlphaPerDay: z.number(),
  emissionTaoPerDay: z.number().nullable(),
  /** Share of miners earning less than this hotkey (0–1); null when it is a validator (a permit and no incentive). */
  rankAmongMiners: z.number().nullable(),
  registeredAtBlock: z.number().int(),
  daysSinceRegistration: z.number(),
  /** Days to earn back the burn at the current rate; null while it earns nothing. */
  paybackDays: z.number().nullable(),
  immunityBlocksLeft: z.number().int(),
  immunityHoursLeft: z.number(),
});
export type MyEconomics = z.infer<typeof MyEconomicsSchema>;

export const economicsCommandSchemas = {
  /**
   * What mining the configured subnet pays now (settings' network and netuid, or `netuid`), and,
   * when the wallet hotkey is registered there, its own figures.
   */
  'economics.report': {
    input: z.object({ netuid: z.number().int().min(0).max(65535).optional() }).strict(),
    output: z.object({
      network: z.string(),
      report: EconomicsReportSchema,
      me: MyEconomicsSchema.nullable(),
    }),
  },
} as const;
