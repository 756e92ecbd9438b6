import { z } from 'zod';

export const SETTINGS_VERSION = 1;

export const NetworkSchema = z.enum(['practice', 'local', 'test', 'finney', 'custom']);
export type Network = z.infer<typeof NetworkSchema>;

/** Default netuid per network: SN2 is netuid 2 on mainnet (finney) and 118 on testnet. */
export const DEFAULT_NETUID: Record<Network, number> = {
  practice: 1,
  local: 1,
  test: 118,
  finney: 2,
  custom: 2,
};

const port = z.number().int().min(1025).max(65534);

/** Settings `mining.protocol` and `sn2 mine --protocol`: decide from the chain (spec sn2-2026.md §1), or force one. */
export const ProtocolChoiceSchema = z.enum(['auto', 'v10', '2026']);
/** A Prometheus /metrics endpoint: off by default, loopback unless a host is given, port 9090 (SN2's default). */
const prometheusSchema = () =>
  z
    .object({
      enabled: z.boolean().default(false),
      host: z.string().default('127.0.0.1'),
      port: port.default(9090),
    })
    .prefault({});

export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  network: NetworkSchema.default('practice'),
  /** ws:// or wss:// endpoint, used when network is `custom` (overrides the preset otherwise). */
  chainEndpoint: z
    .string()
    .regex(/^wss?:\/\/\S+$/, 'must be a ws:// or wss:// URL')
    .optional(),
  netuid: z.number().int().min(0).max(65535).optional(),
  wallet: z
    .object({
      name: z.string().min(1).default('default'),
      hotkey: z.string().min(1).default('default'),
      /** Folder of btcli wallets; default ~/.bittensor/wallets. */
      path: z.string().min(1).optional(),
    })
    .prefault({}),
  axon: z
    .object({
      port: port.default(8091),
      /** Manual override of the public IP announced on chain. */
      externalIp: z.string().optional(),
      /**
       * The user's consent to ask the router (NAT-PMP / UPnP) to forward the miner's UDP port while the miner runs;
       * the mapping is renewed while it runs and removed when it stops.
       */
      openRouterPort: z.boolean().default(false),
    })
    .prefault({}),
  prover: z
    .object({
      /** Proof workers; default: one per core. */
      cpuLimit: z.number().int().min(1).max(256).optional(),
      /** Try native provers (rapidsnark, icicle-snark, ezkl) before the JS prover. */
      preferNative: z.boolean().default(true),
      /** Configured paths of native prover executables, by prover name. */
      nativePaths: z.record(z.string(), z.string()).default({}),
    })
    .prefault({}),
  mining: z
    .object({
      /** Only take new proofs while the computer is idle (never pauses a proof mid-way). */
      idleOnly: z.boolean().default(false),
      /** With idleOnly: seconds without keyboard or mouse input after which the computer counts as idle. */
      idleThresholdSeconds: z.number().int().min(30).max(86_400).default(300),
      disableBlacklist: z.boolean().default(false),
      /** Per-circuit capacity reported to validators (QueryForCapacities); missing = default. */
      capacities: z.record(z.string(), z.number().int().min(0)).default({}),
      /** Which SN2 protocol to mine: `auto` reads it from the chain; Practice is always v10. */
      protocol: ProtocolChoiceSchema.default('auto'),
      /** The miner's /metrics endpoint (`sn2 mine --prometheus.port`). */
      prometheus: prometheusSchema(),
    })
    .prefault({}),
  /**
   * The official `sn2-miner` (2026 protocol). Which binary runs is the engine manifest's business
   * (engines/sn2-miner/manifest.json: `sn2 engine install|use`, Settings → Engine), not a setting.
   */
  engine: z
    .object({
      /** The engine's `--log-level`. */
      logLevel: z.enum(['error', 'warn', 'info', 'debug']).default('info'),
    })
    .prefault({}),
  validator: z
    .object({
      externalApi: z
        .object({
          enabled: z.boolean().default(false),
          port: port.default(8443),
          whitelistedPublicKeys: z.array(z.string()).default([]),
        })
        .prefault({}),
      prometheus: prometheusSchema(),
      proofPublishing: z
        .object({ enabled: z.boolean().default(false), url: z.string().url().optional() })
        .prefault({}),
    })
    .prefault({}),
  app: z
    .object({
      updateChannel: z.enum(['stable', 'beta']).default('stable'),
      runAtLogin: z.boolean().default(false),
      startMinimized: z.boolean().default(false),
      notifications: z.boolean().default(true),
    })
    .prefault({}),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Nested partial; an optional field may be set to null to clear it. */
type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends Record<string, unknown>
    ? DeepPartial<T[K]>
    : T[K] | (undefined extends T[K] ? null : never);
};
export type SettingsPatch = DeepPartial<Omit<Settings, 'version'>>;

/**
 * A partial update: any subset of fields, nested objects merged into the current settings, `null`
 * clearing an optional field. Its shape
 * is checked here; its values are checked by SettingsSchema on the merged result, so an error names
 * the exact field.
 */
export const SettingsPatchSchema = z.custom<SettingsPatch>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  'a settings patch must be a JSON object',
);
