/** The proof a prover produced, already in SN2's text forms (§3.2 L2, §3.3). */
export interface ProofResult {
  proofSystem: 'CIRCOM' | 'EZKL' | 'JOLT';
  /** CIRCOM: snarkjs proof.json text; EZKL: the proof file's JSON text; JOLT: hex of the proof bytes. */
  proof: string;
  /** CIRCOM: public.json text; EZKL: JSON text of the proof's `instances`; JOLT: public-output text. */
  publicSignals: string;
  witnessMs?: number;
  proveMs?: number;
  /** Which prover made it (snarkjs worker, native rapidsnark…), for the proof log. */
  prover?: string;
}

/** What the miner needs from the circuits/provers layer. */
export interface CircuitProver {
  /** Display name of a known circuit; undefined for an unknown id. */
  circuitName(circuitId: string): string | undefined;
  /** Whether every proving file is present (capacity 0 otherwise). */
  canProve(circuitId: string): Promise<boolean>;
  /** Every circuit id the miner knows. */
  circuitIds(): string[];
  prove(
    circuitId: string,
    input: Record<string, unknown>,
    options: { signal?: AbortSignal; timeoutMs?: number },
  ): Promise<ProofResult>;
  /** Self-check with v10 verification (public inputs pinned to `input`), run after the reply. */
  verify?(circuitId: string, result: ProofResult, input: Record<string, unknown>): Promise<boolean>;
}
