import type { CircuitProver, ProofResult } from '../circuit-prover.js';
import { RequestRefusedError, type ProofScheduler } from '../proof-scheduler.js';
import type { ProofTimeEstimator } from '../proof-time-estimator.js';
import type { CallerContext, MinerLogDraft } from './request-context.js';

/** Margin kept between the end of a proof and the validator's deadline for the reply to travel. */
const REPLY_MARGIN_MS = 250;

export interface ProveDeps {
  prover: CircuitProver;
  scheduler: ProofScheduler;
  estimator: ProofTimeEstimator;
  /** Aborted when the miner stops. */
  signal: AbortSignal;
}

/** Admission, then the proof on the pool, bounded by the validator's deadline (late work is aborted). */
export async function proveForCaller(
  deps: ProveDeps,
  caller: CallerContext,
  circuitId: string,
  input: Record<string, unknown>,
): Promise<ProofResult> {
  const deadline = caller.receivedAt + caller.timeoutSeconds * 1000 - REPLY_MARGIN_MS;
  const release = await deps.scheduler.acquire({
    hotkey: caller.hotkey,
    stake: caller.stake,
    circuitId,
    deadline,
  });
  try {
    const started = performance.now();
    const result = await deps.prover.prove(circuitId, input, {
      signal: deps.signal,
      timeoutMs: Math.max(1, deadline - started),
    });
    deps.estimator.record(circuitId, performance.now() - started);
    return result;
  } finally {
    release();
  }
}

/** Proof-log status of a failed proof: refused for time → timeout, refused by a queue limit → rejected. */
export function failureStatus(err: unknown): MinerLogDraft['status'] {
  if (!(err instanceof RequestRefusedError)) return 'error';
  return err.reason === 'cannot-finish-in-time' ? 'timeout' : 'rejected';
}
