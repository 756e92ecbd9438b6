import { z } from 'zod';
import { BridgeResponseSchema } from './bridge.js';
import { CoreEventSchema } from './events.js';

/**
 * The desktop app's channel between its main process and the core's utility process. Commands travel
 * as the same envelopes as the `sn2 ui` bridge (`bridge.ts`): one bridge protocol, two carriers. The
 * rest is what only a host can provide (user confirmation, the OS idle state) and the process's own
 * lifecycle (ready, close).
 */

/** How long the user has been away from keyboard and mouse, as the host's OS reports it. */
export const IdleReadingSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('known'),
    idleSeconds: z.number().min(0),
    /** The screen is locked: away, whatever the idle time says. */
    locked: z.boolean().default(false),
  }),
  /** No source can tell (no display server, no idle tool): `why` says what is missing. */
  z.object({ kind: z.literal('unknown'), why: z.string() }),
]);
export type IdleReading = z.infer<typeof IdleReadingSchema>;

/** A native executable the user is about to let the core spawn (a `prover.nativePaths` change). */
export const NativePathChangeSchema = z.object({
  tool: z.string(),
  path: z.string(),
  previous: z.string().optional(),
});
export type NativePathChange = z.infer<typeof NativePathChangeSchema>;

/** Why the core could not load the settings file, with what the user can do about it. */
export const SettingsProblemSchema = z.object({
  file: z.string(),
  /** The copy of the refused file, kept before anything else happens to it. */
  backup: z.string(),
  /** Dotted path of the first refused field; absent when the file is not JSON at all. */
  field: z.string().optional(),
  message: z.string(),
});
export type SettingsProblem = z.infer<typeof SettingsProblemSchema>;

export const MainToCoreSchema = z.discriminatedUnion('t', [
  /** `request` is a raw bridge envelope; the core validates it like the web bridge does. */
  z.object({ t: z.literal('invoke'), id: z.number().int(), request: z.unknown() }),
  z.object({ t: z.literal('idle'), reading: IdleReadingSchema }),
  z.object({ t: z.literal('confirmed'), id: z.number().int(), confirmed: z.boolean() }),
  /** Answer to `settings-invalid`: keep the bad file aside, start from defaults. */
  z.object({ t: z.literal('reset-settings') }),
  /** Stop the miner/validator, let in-flight proofs finish, then exit. */
  z.object({ t: z.literal('close') }),
]);
export type MainToCore = z.infer<typeof MainToCoreSchema>;

export const CoreToMainSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('ready'), logFile: z.string() }),
  z.object({ t: z.literal('settings-invalid'), problem: SettingsProblemSchema }),
  z.object({ t: z.literal('reply'), id: z.number().int(), response: BridgeResponseSchema }),
  z.object({ t: z.literal('event'), event: CoreEventSchema }),
  z.object({ t: z.literal('confirm'), id: z.number().int(), change: NativePathChangeSchema }),
  z.object({ t: z.literal('closed') }),
]);
export type CoreToMain = z.infer<typeof CoreToMainSchema>;
