import type { Prover } from '../../provers/prover.js';
import type { ProofVerifier } from './process-response.js';

/**
 * The validator's verifier on the proving engine: the provers' v10 verification (CIRCOM public
 * signals pinned to the validator's input, Groth16 in the worker pool; EZKL instances replaced, native
 * ezkl). The parsed proof and public signals are serialised back to JSON text; a hex
 * proof string (kept unparsed by §8.6) is passed as it came.
 */
export function engineVerifier(prover: Prover): ProofVerifier {
  return async ({ circuitId, proof, publicSignals, expectedInput }) => {
    const proofText = typeof proof === 'string' ? proof : JSON.stringify(proof);
    const publicText = JSON.stringify(publicSignals);
    return (await prover.verify(circuitId, expectedInput, proofText, publicText)).verified;
  };
}
