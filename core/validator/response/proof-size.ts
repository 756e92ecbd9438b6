import { groth16ProofSize } from '../../provers/groth16/public-signals.js';
import { DEFAULT_PROOF_SIZE } from '../../sn2/constants.js';

export type ParsedProof = string | Record<string, unknown> | unknown[] | number | boolean | null;

/** §8.6 step 4: string → its length; CIRCOM → §6.1; EZKL → number of proof bytes; else 5000; 0 → 5000. */
export function proofSize(proof: ParsedProof, proofSystem: string): number {
  let size = DEFAULT_PROOF_SIZE;
  if (typeof proof === 'string') size = proof.length;
  else if (proof && typeof proof === 'object' && !Array.isArray(proof)) {
    if (proofSystem === 'CIRCOM') size = groth16ProofSize(proof);
    else if (proofSystem === 'EZKL' && Array.isArray(proof.proof)) size = proof.proof.length;
  }
  return size === 0 ? DEFAULT_PROOF_SIZE : size;
}
