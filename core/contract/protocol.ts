import { z } from 'zod';
import { NetworkSchema, ProtocolChoiceSchema } from './settings.js';

/**
 * Which SN2 protocol a network speaks (spec sn2-2026.md §1): `v10` = the Python neurons over bittensor
 * Axon/Dendrite (HTTP/TCP), which this app serves natively; `2026` = the official Rust `sn2-miner` over
 * btlightning (QUIC/UDP), which the app runs and supervises.
 */
export const ProtocolSchema = z.enum(['v10', '2026']);
export type Protocol = z.infer<typeof ProtocolSchema>;

export { ProtocolChoiceSchema };
export type ProtocolChoice = z.infer<typeof ProtocolChoiceSchema>;

export const ProtocolDecisionSchema = z.object({
  network: NetworkSchema,
  netuid: z.number().int(),
  protocol: ProtocolSchema,
  /** override: the user's setting or flag; chain: the axons/weights key on chain; default: no evidence either way. */
  source: z.enum(['override', 'chain', 'default', 'practice']),
  /** Served miners (no validator permit, ip and port ≠ 0) by axon version: 0 = Rust serve_axon, else an SDK int. */
  servedMiners: z.number().int().nonnegative(),
  versionZero: z.number().int().nonnegative(),
  weightsVersionKey: z.string().optional(),
  /** One line per piece of evidence, in the order it was weighed. */
  evidence: z.array(z.string()),
});
export type ProtocolDecision = z.infer<typeof ProtocolDecisionSchema>;

/** One thing the registration guard checked: what it found and whether mining needs it fixed first. */
export const SupportCheckSchema = z.object({
  id: z.enum(['engine', 'platform', 'port', 'disk']),
  ok: z.boolean(),
  message: z.string(),
});

/** Can this computer mine this protocol? Shown before a registration burns TAO. */
export const ProtocolSupportSchema = z.object({
  protocol: ProtocolSchema,
  canMine: z.boolean(),
  checks: z.array(SupportCheckSchema),
  /** Plain sentences: what will work, and what will not. */
  willWork: z.array(z.string()),
  wontWork: z.array(z.string()),
  summary: z.string(),
});
export type ProtocolSupport = z.infer<typeof ProtocolSupportSchema>;

const networkQuery = z
  .object({
    network: NetworkSchema.optional(),
    netuid: z.number().int().min(0).max(65535).optional(),
    chainEndpoint: z
      .string()
      .regex(/^wss?:\/\/\S+$/, 'must be a ws:// or wss:// URL')
      .optional(),
  })
  .strict();

export const protocolCommandSchemas = {
  /** Which protocol the network speaks, with the evidence; defaults to the network in the settings. */
  'protocol.detect': { input: networkQuery, output: ProtocolDecisionSchema },
  /**
   * The registration guard: the protocol of the settings' network and whether this computer can mine it
   * (engine binary for this OS/arch, port, disk). The burn amount is `chain.registrationCost`'s.
   */
  'protocol.support': {
    input: z.object({}).strict(),
    output: z.object({ decision: ProtocolDecisionSchema, support: ProtocolSupportSchema }),
  },
} as const;
