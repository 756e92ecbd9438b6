import type { PowAnswer, PowQuery } from '../../sn2/transport/sn2-transport.js';
import { errorMessage } from '../../util/errors.js';
import { failureStatus, proveForCaller, type ProveDeps } from './prove-request.js';
import { bigintText, timings, type RouteOutcome } from './query-zk-proof.js';
import type { CallerContext, MinerLogDraft } from './request-context.js';

/**
 * §3.3 / §7.3: circuit = `verification_key_hash`; `proof` and `public_signals` single-encoded. Every
 * failure returns the query unchanged (HTTP 200). In competition-only mode upstream raises (HTTP
 * 500); we return it unchanged instead, which validators score the same way.
 */
export async function handleProofOfWeights(
  query: PowQuery,
  caller: CallerContext,
  deps: ProveDeps & { competitionOnly: boolean },
): Promise<RouteOutcome<PowAnswer>> {
  const { circuitId, inputs: input } = query;
  const unchangedAnswer: PowAnswer = { inputs: input, proof: '', publicSignals: '' };
  const log: MinerLogDraft = {
    route: 'ProofOfWeightsSynapse',
    circuitId,
    circuitName: deps.prover.circuitName(circuitId) ?? 'unknown circuit',
    validatorHotkey: caller.hotkey,
    validatorUid: caller.uid,
    inputBytes: JSON.stringify(input, bigintText).length,
    status: 'error',
  };
  const unchanged = (status: MinerLogDraft['status'], error: string) => ({
    answer: unchangedAnswer,
    log: { ...log, status, error },
  });
  if (deps.competitionOnly) return unchanged('rejected', 'competition-only mode');
  if (Object.keys(input).length === 0) return unchanged('rejected', 'Empty input for proof of weights');
  if (!deps.prover.circuitName(circuitId)) return unchanged('error', `unknown circuit ${circuitId}`);
  try {
    const result = await proveForCaller(deps, caller, circuitId, input);
    return {
      answer: { inputs: input, proof: result.proof, publicSignals: result.publicSignals },
      log: { ...log, status: 'served', ...timings(result) },
      proof: { result, input },
    };
  } catch (err) {
    return unchanged(failureStatus(err), errorMessage(err));
  }
}
