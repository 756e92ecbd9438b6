import { z } from 'zod';
import { SettingsPatchSchema, SettingsSchema, NetworkSchema } from './settings.js';
import { BenchmarkReportSchema, HardwareReportSchema } from './hardware.js';
import { proversCommandSchemas } from './provers.js';
import {
  ProofLogEntrySchema,
  ProofStatusSchema,
  RunStateSchema,
  StandingSchema,
  CircuitStatsSchema,
  UpdateStateSchema,
} from './events.js';
import { MetricSnapshotSchema } from './metrics.js';
import { protocolCommandSchemas } from './protocol.js';
import { engineCommandSchemas } from './engine.js';
import { RefusalSummarySchema } from './refusals.js';
import { btlightningCommands } from './btlightning.js';
import { reachabilityCommands } from './reachability.js';
import {
  MultiSignatureSchema,
  RegistrationResultSchema,
  SignerPayloadSchema,
  Ss58AddressSchema,
} from './signing.js';
import { economicsCommandSchemas } from './economics.js';

const none = z.object({}).strict();
const walletName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, 'may contain only letters, digits, "_", "." and "-"')
  .refine((s) => s !== '.' && s !== '..', 'is not a valid name');
const password = z.string().min(1).max(1024);

export const WalletSummarySchema = z.object({
  name: z.string(),
  coldkeyAddress: z.string().nullable(),
  hotkeys: z.array(z.object({ name: z.string(), address: z.string().nullable() })),
});

export const ComponentStatusSchema = z.object({
  state: RunStateSchema,
  detail: z.string().optional(),
  since: z.number(),
  axon: z.object({ host: z.string(), port: z.number(), externalIp: z.string().optional() }).optional(),
  stats: z.array(CircuitStatsSchema).default([]),
  inFlight: z.number().int().default(0),
  /** The miner's axon refusals since it started (absent for the validator). */
  refusals: RefusalSummarySchema.optional(),
});

export const CircuitInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  proofSystem: z.string(),
  available: z.boolean(),
  /** Why it cannot be served when unavailable (missing file, no native ezkl...). */
  reason: z.string().optional(),
  missingBytes: z.number().optional(),
});

/** The native ezkl CLI that SN2's EZKL circuits need: found or not, and whether this build can install it. */
export const EzklStatusSchema = z.object({
  /** The version SN2 v10 pins (22.0.1). */
  version: z.string(),
  installed: z.boolean(),
  path: z.string().nullable(),
  /** Why it is not usable (absent, another version). */
  reason: z.string().optional(),
  /** `<platform>-<arch>` of this machine, as the release table names it. */
  platform: z.string(),
  /** True when this build has a pinned (sha256-checked) release asset for this platform. */
  installable: z.boolean(),
  /** Why the app cannot install it here (no asset for this platform, no pinned checksum). */
  installBlockedReason: z.string().optional(),
});

export const DoctorCheckSchema = z.object({
  id: z.string(),
  ok: z.boolean(),
  /** True when the check could not run (a prerequisite is missing): not a pass, not a failure. */
  skipped: z.boolean().optional(),
  /** What was found; for a skipped check, why it could not run. */
  message: z.string(),
  fix: z.string().optional(),
});

/**
 * The whole CoreService contract: every command any front end (Electron IPC, the `sn2 ui` web bridge,
 * the CLI) may invoke, with its input and output schemas. Inputs are validated at every process
 * boundary with these schemas; the TypeScript types come from them.
 */
export const commandSchemas = {
  ...economicsCommandSchemas,
  'app.info': {
    input: none,
    output: z.object({ version: z.string(), dataDir: z.string(), platform: z.string(), arch: z.string() }),
  },
  'settings.get': { input: none, output: SettingsSchema },
  'settings.update': { input: SettingsPatchSchema, output: SettingsSchema },
  'hardware.get': { input: none, output: HardwareReportSchema },
  'hardware.benchmark': {
    input: z
      .object({ circuits: z.array(z.string()).optional(), runs: z.number().int().min(1).max(20).optional() })
      .strict(),
    output: BenchmarkReportSchema,
  },
  ...proversCommandSchemas,
  'doctor.run': { input: none, output: z.object({ checks: z.array(DoctorCheckSchema) }) },
  'wallet.list': { input: none, output: z.array(WalletSummarySchema) },
  'wallet.create': {
    input: z
      .object({
        name: walletName,
        hotkey: walletName,
        password,
        words: z.union([z.literal(12), z.literal(24)]).optional(),
      })
      .strict(),
    /** The mnemonics are returned exactly once, to be shown to the user and confirmed. */
    output: z.object({
      coldkeyAddress: z.string(),
      hotkeyAddress: z.string(),
      coldkeyMnemonic: z.string(),
      hotkeyMnemonic: z.string(),
    }),
  },
  'wallet.import': {
    input: z
      .object({
        name: walletName,
        hotkey: walletName.optional(),
        key: z.enum(['coldkey', 'hotkey']),
        mnemonic: z.string().min(1).max(1024),
        password: password.optional(),
      })
      .strict(),
    output: z.object({ address: z.string() }),
  },
  'chain.standing': { input: none, output: StandingSchema },
  'chain.registrationCost': {
    /** `coldkey`: whose balance to show, e.g. a browser-extension account; default the wallet's. */
    input: z.object({ coldkey: Ss58AddressSchema.optional() }).strict(),
    output: z.object({
      netuid: z.number().int(),
      /** The wallet hotkey that would be registered. */
      hotkey: z.string(),
      burnRao: z.string(),
      burnTao: z.number(),
      /** Estimated transaction fee on top of the burn. */
      feeTao: z.number(),
      balanceTao: z.number().nullable(),
    }),
  },
  'chain.register': {
    input: z.object({ password, confirmBurnRao: z.string().regex(/^\d+$/) }).strict(),
    output: RegistrationResultSchema,
  },
  /**
   * Registration signed outside the core (a browser-extension coldkey): the checks run, and the
   * unsigned payload comes back for the extension's `signPayload`; then `chain.submitSigned`.
   */
  'chain.prepareRegister': {
    input: z.object({ coldkey: Ss58AddressSchema, confirmBurnRao: z.string().regex(/^\d+$/) }).strict(),
    output: z.object({
      requestId: z.string(),
      payload: SignerPayloadSchema,
      burnRao: z.string(),
      feeRao: z.string(),
      /** The signed payload is accepted until this block (its mortal era). */
      validUntilBlock: z.number().int(),
    }),
  },
  'chain.submitSigned': {
    input: z.object({ requestId: z.string().uuid(), signature: MultiSignatureSchema }).strict(),
    output: RegistrationResultSchema.extend({ action: z.literal('register') }),
  },
  'miner.start': { input: none, output: ComponentStatusSchema },
  'miner.stop': { input: none, output: ComponentStatusSchema },
  'miner.status': { input: none, output: ComponentStatusSchema },
  'validator.start': { input: none, output: ComponentStatusSchema },
  'validator.stop': { input: none, output: ComponentStatusSchema },
  'validator.status': { input: none, output: ComponentStatusSchema },
  'proofLog.list': {
    input: z
      .object({
        limit: z.number().int().min(1).max(10_000).default(500),
        circuitId: z.string().optional(),
        status: ProofStatusSchema.optional(),
        hotkey: z.string().optional(),
      })
      .strict(),
    output: z.array(ProofLogEntrySchema),
  },
  'circuits.list': { input: none, output: z.array(CircuitInfoSchema) },
  'circuits.fetch': {
    input: z.object({ ids: z.array(z.string()).optional() }).strict(),
    output: z.array(CircuitInfoSchema),
  },
  'provers.ezklStatus': { input: none, output: EzklStatusSchema },
  /**
   * Download the pinned ezkl release for this platform, check its sha256 and version, and install it
   * into the data folder's bin/ (`progress` events with taskId "provers.installEzkl"). EZKL circuits
   * become provable at once, also for a running miner.
   */
  'provers.installEzkl': { input: none, output: EzklStatusSchema },
  'logs.tail': {
    input: z.object({ lines: z.number().int().min(1).max(5000).default(200) }).strict(),
    output: z.array(z.string()),
  },
  /** The core's metrics (the figures `/metrics` exposes, without process metrics), for the UI's panels. */
  'metrics.snapshot': { input: none, output: z.array(MetricSnapshotSchema) },
  'update.status': { input: none, output: UpdateStateSchema },
  /** Look for an update now (the Electron app also checks at start and every 6 h). */
  'update.check': { input: none, output: UpdateStateSchema },
  /** Restart into a downloaded update; refused, with the reason, while proofs are in flight. */
  'update.restart': {
    input: none,
    output: z.object({ restarted: z.boolean(), reason: z.string().optional() }),
  },
  ...protocolCommandSchemas,
  ...engineCommandSchemas,
  'network.presets': {
    input: none,
    output: z.array(
      z.object({
        network: NetworkSchema,
        label: z.string(),
        endpoint: z.string().nullable(),
        netuid: z.number().int(),
      }),
    ),
  },
  ...btlightningCommands,
  ...reachabilityCommands,
} as const;

export type CommandName = keyof typeof commandSchemas;
export type CommandInput<N extends CommandName> = z.input<(typeof commandSchemas)[N]['input']>;
export type CommandOutput<N extends CommandName> = z.output<(typeof commandSchemas)[N]['output']>;
export const commandNames = Object.keys(commandSchemas) as CommandName[];
/** Own keys only: a name from outside such as "toString" or "__proto__" is not a command. */
export const isCommandName = (s: unknown): s is CommandName =>
  typeof s === 'string' && Object.hasOwn(commandSchemas, s);
