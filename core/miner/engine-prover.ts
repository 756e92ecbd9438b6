import type { CircuitStore } from '../circuits/store.js';
import type { Prover } from '../provers/prover.js';
import type { CircuitProver, ProofResult } from './circuit-prover.js';

/**
 * The miner's prover on the proving engine (`core/provers`): CIRCOM proofs in the worker pool or a
 * native Groth16 prover, EZKL through the native ezkl CLI, and the self-check with the v10
 * verification. A circuit the engine cannot prove here has capacity 0 (`unprovableCircuits` says why).
 */
export function engineProver(store: CircuitStore, prover: Prover): CircuitProver {
  return {
    circuitName: (id) => (store.has(id) ? store.get(id).name : undefined),
    circuitIds: () => store.list().map((c) => c.id),
    async canProve(id) {
      return store.has(id) && (await prover.capability(id)).canProve;
    },
    async prove(id, input, options): Promise<ProofResult> {
      const { proofSystem } = store.get(id);
      const r = await prover.prove(id, input, options);
      return {
        proofSystem,
        proof: r.proofText,
        publicSignals: r.publicSignalsText,
        witnessMs: r.timings.witnessMs,
        proveMs: r.timings.proveMs,
        prover: r.prover,
      };
    },
    async verify(id, result, input) {
      const { verified } = await prover.verify(id, input, result.proof, result.publicSignals);
      if (!verified && result.prover) prover.reportBadProof(id, result.prover);
      return verified;
    },
  };
}

/** The circuits this machine cannot prove, with the reason (missing files, no native ezkl, JOLT). */
export async function unprovableCircuits(
  store: CircuitStore,
  prover: Prover,
): Promise<Array<{ id: string; name: string; reason: string }>> {
  const out: Array<{ id: string; name: string; reason: string }> = [];
  for (const c of store.list()) {
    const cap = await prover.capability(c.id);
    if (!cap.canProve) out.push({ id: c.id, name: c.name, reason: cap.reason ?? 'cannot be proved here' });
  }
  return out;
}
