/**
 * The official sn2-miner ("the engine") the app installs and runs for today's Subnet 2 (spec
 * sn2-2026.md §2): what is installed, what a start would run, and the install/update commands.
 * Spread into `commandSchemas` (commands.ts).
 */
import { z } from 'zod';

export const EngineChannelSchema = z.enum(['mainnet', 'testnet']);
export type EngineChannel = z.infer<typeof EngineChannelSchema>;

/** One verified release binary under the data folder (the manifest's `active` / `previous`). */
export const InstalledEngineSchema = z.object({
  channel: EngineChannelSchema,
  tag: z.string().min(1),
  asset: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  path: z.string().min(1),
  verifiedAt: z.string(),
  /** What the binary reported in its first log line (`sn2-miner version="X"`, spec §2.2). */
  version: z.string().optional(),
  /** The multi-miner variant (`--miner` in its help, spec §7 item 2). */
  multiMiner: z.boolean().optional(),
});
export type InstalledEngine = z.infer<typeof InstalledEngineSchema>;

/** A binary the user installed and pointed the app at; its hash is pinned at that moment. */
export const CustomEngineSchema = z.object({
  path: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  version: z.string(),
  multiMiner: z.boolean(),
  verifiedAt: z.string(),
});
export type CustomEngine = z.infer<typeof CustomEngineSchema>;

export const EngineStatusSchema = z.object({
  /** `<platform>-<arch>` of this computer. */
  platform: z.string(),
  /** Whether upstream builds sn2-miner for it (Linux x86-64/arm64, Apple-silicon macOS). */
  supported: z.boolean(),
  /** Why not, when unsupported (Practice still works). */
  unsupportedReason: z.string().optional(),
  /** The release asset for this platform, when supported. */
  asset: z.string().optional(),
  /** What a start would run: the hand-installed binary when set, else the active install. */
  selected: z
    .object({ source: z.enum(['custom', 'installed']), path: z.string(), version: z.string().nullable() })
    .nullable(),
  active: InstalledEngineSchema.optional(),
  previous: InstalledEngineSchema.optional(),
  custom: CustomEngineSchema.optional(),
  /** The manifest could not be read (damaged): what to do. */
  problem: z.string().optional(),
});
export type EngineStatus = z.infer<typeof EngineStatusSchema>;

export const EngineUpdateCheckSchema = z.object({
  channel: EngineChannelSchema,
  /** The active install of that channel, if any. */
  installed: z.object({ tag: z.string(), sha256: z.string() }).nullable(),
  latest: z.object({ tag: z.string(), sha256: z.string().nullable(), publishedAt: z.string().nullable() }),
  /** Newer than the installed one (mainnet: higher version; testnet: another build of the newest tag). */
  available: z.boolean(),
});

const channelInput = z.object({ channel: EngineChannelSchema.optional() }).strict();
const none = z.object({}).strict();

export const engineCommandSchemas = {
  'engine.status': { input: none, output: EngineStatusSchema },
  /**
   * Download the newest release of the channel (default: the active install's, else mainnet), or `tag`,
   * verify its signed SHA256SUMS and hash, smoke-test it, and make it the active engine (the one it
   * replaces stays for rollback). Progress events with taskId "engine.install".
   */
  'engine.install': {
    input: channelInput.extend({ tag: z.string().min(1).max(128).optional() }).strict(),
    output: EngineStatusSchema,
  },
  /** The newest release of the channel against the installed one; nothing is downloaded but SHA256SUMS. */
  'engine.checkUpdate': { input: channelInput, output: EngineUpdateCheckSchema },
  /** Install the newest release of the channel if it is newer (as `engine.install`); else unchanged. */
  'engine.applyUpdate': { input: channelInput, output: EngineStatusSchema },
  /** Make the previous install active again. */
  'engine.rollback': { input: none, output: EngineStatusSchema },
  /** Run a binary installed by hand: smoke-tested and version-read first, then pinned by hash. */
  'engine.use': {
    input: z.object({ path: z.string().min(1).max(4096) }).strict(),
    output: EngineStatusSchema,
  },
  /** Forget the hand-installed binary (the installed engine runs again). */
  'engine.clear': { input: none, output: EngineStatusSchema },
} as const;
