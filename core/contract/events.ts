import { z } from 'zod';
import { RefusalSummarySchema } from './refusals.js';

export const ComponentSchema = z.enum(['miner', 'validator', 'devnet', 'practice', 'ui']);
export type Component = z.infer<typeof ComponentSchema>;

/** Lifecycle of a long-running component; changes are always emitted, never skipped. */
export const RunStateSchema = z.enum(['stopped', 'starting', 'running', 'stopping', 'error']);
export type RunState = z.infer<typeof RunStateSchema>;

/**
 * What became of a proof request. A miner's row never says "verified": it only knows that it `served` a
 * proof, and `self-checked` it (its own verification, after replying); the 2026 engine reports `proved`
 * (a proof generated; it does not verify its own proofs, spec sn2-2026.md §3.9). `verified` is a
 * validator's verdict (our validator, or the practice validator); on the network, a miner's verdict is its
 * incentive.
 */
export const ProofStatusSchema = z.enum([
  'served',
  'self-checked',
  'proved',
  'verified',
  'failed',
  'rejected',
  'timeout',
  'error',
]);
/** Statuses of a request that was answered with a proof (the success rate counts these). */
export const PROOF_DELIVERED: readonly ProofStatus[] = ['served', 'self-checked', 'proved', 'verified'];
export type ProofStatus = z.infer<typeof ProofStatusSchema>;

/** One line of the proof log: a request served by the miner, or judged by the validator. */
export const ProofLogEntrySchema = z.object({
  id: z.string(),
  /** ms since epoch. */
  at: z.number(),
  role: z.enum(['miner', 'validator']),
  route: z.string(),
  circuitId: z.string(),
  circuitName: z.string(),
  validatorHotkey: z.string().optional(),
  validatorUid: z.number().int().optional(),
  minerHotkey: z.string().optional(),
  minerUid: z.number().int().optional(),
  inputBytes: z.number().int().nonnegative(),
  witnessMs: z.number().optional(),
  proveMs: z.number().optional(),
  verifyMs: z.number().optional(),
  totalMs: z.number(),
  proofBytes: z.number().int().optional(),
  prover: z.string().optional(),
  /** Durations inferred from log timestamps with several requests in flight (spec sn2-2026.md §3.9). */
  approximate: z.boolean().optional(),
  status: ProofStatusSchema,
  error: z.string().optional(),
});
export type ProofLogEntry = z.infer<typeof ProofLogEntrySchema>;

export const CircuitStatsSchema = z.object({
  circuitId: z.string(),
  circuitName: z.string(),
  count: z.number().int(),
  successRate: z.number(),
  p50Ms: z.number(),
  p95Ms: z.number(),
});
export type CircuitStats = z.infer<typeof CircuitStatsSchema>;

/** The node's position on chain, with the reason each number is zero when it is. */
export const StandingSchema = z.object({
  network: z.string(),
  netuid: z.number().int(),
  hotkey: z.string(),
  registered: z.boolean(),
  uid: z.number().int().optional(),
  stake: z.number().optional(),
  incentive: z.number().optional(),
  emission: z.number().optional(),
  trust: z.number().optional(),
  rank: z.number().int().optional(),
  minersInSubnet: z.number().int().optional(),
  validatorPermit: z.boolean().optional(),
  axon: z.string().optional(),
  block: z.number().int().optional(),
  /** Human explanations, e.g. "incentive is 0: not queried by any validator yet". */
  explanations: z.array(z.string()),
});
export type Standing = z.infer<typeof StandingSchema>;

/**
 * The app's self-update, as the Electron main reports it. `unsupported` where no updater exists (the
 * `sn2 ui` web UI, the CLI, an unpackaged build): `reason` says how to update instead.
 */
export const UpdateStateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('idle') }),
  z.object({ kind: z.literal('checking') }),
  z.object({ kind: z.literal('downloading'), version: z.string(), percent: z.number().min(0).max(100) }),
  z.object({ kind: z.literal('ready'), version: z.string() }),
  z.object({ kind: z.literal('error'), message: z.string() }),
  z.object({ kind: z.literal('unsupported'), reason: z.string() }),
]);
export type UpdateState = z.infer<typeof UpdateStateSchema>;

export const CoreEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('status'),
    component: ComponentSchema,
    state: RunStateSchema,
    detail: z.string().optional(),
    at: z.number(),
  }),
  z.object({ type: z.literal('proof'), entry: ProofLogEntrySchema }),
  z.object({
    type: z.literal('chain'),
    state: z.enum(['connecting', 'connected', 'disconnected', 'error']),
    endpoint: z.string(),
    latencyMs: z.number().optional(),
    block: z.number().int().optional(),
    detail: z.string().optional(),
  }),
  z.object({
    type: z.literal('progress'),
    taskId: z.string(),
    label: z.string(),
    done: z.number(),
    total: z.number().optional(),
    unit: z.enum(['bytes', 'items', 'steps']).optional(),
    finished: z.boolean(),
    error: z.string().optional(),
  }),
  z.object({ type: z.literal('standing'), standing: StandingSchema }),
  z.object({ type: z.literal('circuitStats'), stats: z.array(CircuitStatsSchema) }),
  z.object({
    type: z.literal('weights'),
    ok: z.boolean(),
    block: z.number().int().optional(),
    uids: z.array(z.number().int()),
    method: z.enum(['set_weights', 'commit', 'reveal']),
    detail: z.string().optional(),
  }),
  z.object({
    type: z.literal('notification'),
    level: z.enum(['info', 'warning', 'error']),
    title: z.string(),
    body: z.string(),
  }),
  z.object({ type: z.literal('update'), state: UpdateStateSchema }),
  /** The axon's refusals so far (at most every 2 s while they happen). */
  z.object({ type: z.literal('refusals'), summary: RefusalSummarySchema }),
  z.object({
    type: z.literal('log'),
    level: z.enum(['debug', 'info', 'warn', 'error']),
    component: z.string(),
    msg: z.string(),
    at: z.number(),
  }),
]);
export type CoreEvent = z.infer<typeof CoreEventSchema>;
export type CoreEventType = CoreEvent['type'];
