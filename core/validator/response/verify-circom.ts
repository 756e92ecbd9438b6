import type { CircuitStore } from '../../circuits/store.js';
import type { JobRunner } from '../../miner/in-process-runner.js';
import { pinPublicSignals } from '../../provers/groth16/public-signals.js';
import type { ProofVerifier } from './process-response.js';

/** §6.1: pin the inputs into the miner's public signals, then snarkjs `groth16.verify` in the pool. */
export async function verifyCircom(
  store: CircuitStore,
  pool: JobRunner,
  circuitId: string,
  proof: unknown,
  publicSignals: unknown,
  expectedInput: Record<string, unknown>,
): Promise<boolean> {
  if (!Array.isArray(publicSignals)) return false;
  const settings = await store.readCircomSettings(circuitId);
  const pinned = pinPublicSignals(settings, expectedInput, publicSignals);
  const files = await store.ensure(circuitId, { roles: ['verify'] });
  return pool.run({
    kind: 'groth16.verify',
    vkPath: files['verification_key.json'],
    publicSignals: pinned,
    proof,
  });
}

/** The validator's verifier: CIRCOM in the pool; other systems are not verifiable here yet. */
export function storeVerifier(store: CircuitStore, pool: JobRunner): ProofVerifier {
  return async ({ circuitId, proof, publicSignals, expectedInput }) => {
    const circuit = store.get(circuitId);
    if (circuit.proofSystem !== 'CIRCOM')
      throw new Error(`${circuit.proofSystem} verification is not available on this machine`);
    return verifyCircom(store, pool, circuitId, proof, publicSignals, expectedInput);
  };
}
