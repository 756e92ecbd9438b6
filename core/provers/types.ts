/** What proving and verifying return, shared by the per-proof-system provers and `prover.ts`. */
import type { Groth16ProverName } from './native/native-groth16.js';

export type ProverName = Groth16ProverName | 'ezkl';

export interface ProveResult {
  proof: unknown;
  publicSignals: unknown;
  proofText: string;
  publicSignalsText: string;
  timings: { witnessMs: number; proveMs: number; totalMs: number };
  prover: ProverName;
}

export interface VerifyResult {
  verified: boolean;
  reason?: string;
  /** Upstream proof size for scoring (5000 when the proof is unusable). */
  proofSize: number;
  verifier: string;
}

export interface ProveOptions {
  signal?: AbortSignal;
  /** Per-proof limit; default the circuit timeout (60 s). */
  timeoutMs?: number;
  /** Groth16 only: this prover and no fallback (`sn2 prove --prover`); default the chosen one. */
  prover?: Groth16ProverName;
}

export interface ProverLogger {
  warn(obj: object, msg: string): void;
}
