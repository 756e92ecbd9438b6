import type { CircuitStore } from '../circuits/store.js';
import type { JobRunner } from './in-process-runner.js';
import type { CircuitProver, ProofResult } from './circuit-prover.js';
import { verifyCircom } from '../validator/response/verify-circom.js';

export class UnsupportedProofSystemError extends Error {
  override readonly name = 'UnsupportedProofSystemError';
}

/**
 * The miner's prover over the circuit store and the worker pool: CIRCOM circuits are proved with
 * snarkjs Groth16 in the pool (witness + prove in one job). EZKL/JOLT circuits need native tools the
 * provers layer installs; until it does, they report capacity 0 and fail with a clear error.
 */
export function storeProver(store: CircuitStore, pool: JobRunner): CircuitProver {
  return {
    circuitName: (id) => (store.has(id) ? store.get(id).name : undefined),
    circuitIds: () => store.list().map((c) => c.id),
    async canProve(id) {
      if (!store.has(id) || store.get(id).proofSystem !== 'CIRCOM') return false;
      return (await store.status(id)).canProve;
    },
    async prove(id, input, options): Promise<ProofResult> {
      const circuit = store.get(id);
      if (circuit.proofSystem !== 'CIRCOM')
        throw new UnsupportedProofSystemError(
          `${circuit.name}: ${circuit.proofSystem} proving needs the native prover`,
        );
      const files = await store.ensure(id, { roles: ['prove'], signal: options.signal });
      const r = await pool.run(
        { kind: 'groth16.prove', input, wasmPath: files['circuit.wasm'], zkeyPath: files['circuit.zkey'] },
        { signal: options.signal, timeoutMs: options.timeoutMs },
      );
      return {
        proofSystem: 'CIRCOM',
        proof: JSON.stringify(r.proof),
        publicSignals: JSON.stringify(r.publicSignals),
        witnessMs: r.witnessMs,
        proveMs: r.proveMs,
        prover: 'snarkjs-worker',
      };
    },
    async verify(id, result, input) {
      return verifyCircom(store, pool, id, JSON.parse(result.proof), JSON.parse(result.publicSignals), input);
    },
  };
}
