import {
  QUERY_OUTPUT_COMPETITION_ONLY,
  QUERY_OUTPUT_EMPTY_INPUT,
  QUERY_OUTPUT_ERROR,
  SINGLE_PROOF_OF_WEIGHTS_MODEL_ID,
} from '../../sn2/constants.js';
import { pythonJsonDumps } from '../../sn2/python-json.js';
import type { ZkProofAnswer, ZkProofQuery } from '../../sn2/transport/sn2-transport.js';
import { errorMessage } from '../../util/errors.js';
import type { ProofResult } from '../circuit-prover.js';
import { failureStatus, proveForCaller, type ProveDeps } from './prove-request.js';
import type { CallerContext, MinerLogDraft } from './request-context.js';

export interface RouteOutcome<A> {
  answer: A;
  log: MinerLogDraft;
  /** The proof and the input it was made for, for the post-reply self-check. */
  proof?: { result: ProofResult; input: Record<string, unknown> };
}

/** `query_output` on success (§3.2): Python json.dumps of {proof, public_signals} holding JSON texts. */
export const encodeQueryOutput = (r: ProofResult): string =>
  pythonJsonDumps({ proof: r.proof, public_signals: r.publicSignals });

/** §3.2 / §7.3: checks in upstream order, then the proof; failures are strings in `query_output`, HTTP 200. */
export async function handleQueryZkProof(
  zk: ZkProofQuery,
  caller: CallerContext,
  deps: ProveDeps & { competitionOnly: boolean },
): Promise<RouteOutcome<ZkProofAnswer>> {
  const query = zk.queryInput;
  const modelId = query?.model_id;
  const circuitId = typeof modelId === 'string' && modelId ? modelId : SINGLE_PROOF_OF_WEIGHTS_MODEL_ID;
  const publicInputs = query?.public_inputs;
  const inputBytes = publicInputs ? JSON.stringify(publicInputs, bigintText).length : 0;
  const log: MinerLogDraft = {
    route: 'QueryZkProof',
    circuitId,
    circuitName: deps.prover.circuitName(circuitId) ?? 'unknown circuit',
    validatorHotkey: caller.hotkey,
    validatorUid: caller.uid,
    inputBytes,
    status: 'error',
  };
  const fail = (output: string, status: MinerLogDraft['status'], error: string) => ({
    answer: { queryOutput: output },
    log: { ...log, status, error },
  });
  if (deps.competitionOnly)
    return fail(QUERY_OUTPUT_COMPETITION_ONLY, 'rejected', QUERY_OUTPUT_COMPETITION_ONLY);
  if (!query || Object.keys(query).length === 0 || !isNonEmpty(publicInputs))
    return fail(QUERY_OUTPUT_EMPTY_INPUT, 'rejected', QUERY_OUTPUT_EMPTY_INPUT);
  if (!deps.prover.circuitName(circuitId))
    return fail(QUERY_OUTPUT_ERROR, 'error', `unknown circuit ${circuitId}`);
  const input = publicInputs as Record<string, unknown>;
  try {
    const result = await proveForCaller(deps, caller, circuitId, input);
    return {
      answer: { queryOutput: encodeQueryOutput(result) },
      log: { ...log, status: 'served', ...timings(result) },
      proof: { result, input },
    };
  } catch (err) {
    return fail(QUERY_OUTPUT_ERROR, failureStatus(err), errorMessage(err));
  }
}

export const timings = (r: ProofResult) => ({
  witnessMs: r.witnessMs,
  proveMs: r.proveMs,
  proofBytes: Buffer.byteLength(r.proof),
  prover: r.prover,
});

export const bigintText = (_k: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v);

function isNonEmpty(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (Array.isArray(v) || typeof v === 'string') return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}
