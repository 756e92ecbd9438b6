import { z } from 'zod';

/**
 * Why the axon refused a request, from its HTTP status and message (SDK 9.9.0 axon):
 * 401 split into a nonce out of its time window (usually a clock off on one side), a replayed nonce,
 * and a missing or wrong signature; 403 blacklisted; 429 rate limit; 500 internal error (with the id
 * in the reply); 503 queue full; 408 timeout; 413 body too large.
 */
export const REFUSAL_REASONS = [
  'stale-nonce',
  'replayed-nonce',
  'bad-signature',
  'blacklisted',
  'rate-limited',
  'internal-error',
  'queue-full',
  'timeout',
  'too-large',
  'other',
] as const;
export const RefusalReasonSchema = z.enum(REFUSAL_REASONS);
export type RefusalReason = z.infer<typeof RefusalReasonSchema>;

/** One caller's refusals for one reason. The hotkey is as claimed (not verified when refused). */
export const RefusalCallerSchema = z.object({
  caller: z.string(),
  reason: RefusalReasonSchema,
  count: z.number().int().nonnegative(),
  lastAt: z.number(),
  /** The axon's reply message of the latest one (e.g. "Forbidden. Key is blacklisted: Stake below minimum."). */
  lastMessage: z.string(),
});
export type RefusalCaller = z.infer<typeof RefusalCallerSchema>;

/** Refusals since the miner started: totals per reason (the Prometheus counter), the busiest callers. */
export const RefusalSummarySchema = z.object({
  since: z.number(),
  total: z.number().int().nonnegative(),
  byReason: z.partialRecord(RefusalReasonSchema, z.number().int().nonnegative()),
  /** At most 20, most refusals first. */
  topCallers: z.array(RefusalCallerSchema),
  /** The latest internal errors: the id the caller saw, and what went wrong (at most 10). */
  recentErrors: z.array(z.object({ id: z.string(), at: z.number(), message: z.string() })),
});
export type RefusalSummary = z.infer<typeof RefusalSummarySchema>;
