import { PRACTICE_CIRCUIT_ID } from '../circuits/constants.js';
import { generateInput, validateInput } from '../circuits/inputs/registry.js';
import type { CircuitStore } from '../circuits/store.js';
import type { Prover } from '../provers/prover.js';
import type { ValidatorCircuit } from './request/build-request.js';

/**
 * The circuits a validator sends: every loaded circuit the proving engine can verify here (its
 * verification files present; EZKL only with native ezkl) — we never score miners on proofs we cannot
 * check — with its metadata weight. `practice` sends the practice circuit (weight 1) plus any such SN2
 * circuit the local miner can also prove.
 */
export async function validatorCircuits(
  store: CircuitStore,
  prover: Prover,
  practice: boolean,
): Promise<Map<string, ValidatorCircuit>> {
  const out = new Map<string, ValidatorCircuit>();
  for (const c of store.list()) {
    if (!(await prover.canVerify(c.id))) continue;
    if (practice && c.id !== PRACTICE_CIRCUIT_ID && !(await prover.capability(c.id)).canProve) continue;
    const weight =
      c.id === PRACTICE_CIRCUIT_ID ? (practice ? 1 : 0) : (c.metadata.benchmark_choice_weight ?? 0);
    out.set(c.id, {
      id: c.id,
      name: c.name,
      proofSystem: c.proofSystem,
      type: c.metadata.type,
      netuid: c.metadata.netuid,
      timeoutSeconds: c.timeoutMs / 1000,
      weight,
      generate: () => generateInput(c.id),
      process: (raw) => validateInput(c.id, raw),
    });
  }
  return out;
}
