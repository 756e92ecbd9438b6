import type { CircuitProver } from '../circuit-prover.js';

/** Compute units upstream's shipped `miner.config.toml` declares for every circuit (§4.8). */
export const DEFAULT_COMPUTE_UNITS = 400;

/**
 * §3.4: `{circuit_id: compute_units}`. Settings override per circuit; otherwise 400 for a circuit we
 * can prove and 0 for one we cannot (missing proving key, no native ezkl), so validators see it.
 */
export async function capacitiesOf(
  prover: CircuitProver,
  configured: Record<string, number>,
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const id of prover.circuitIds()) {
    out[id] = configured[id] ?? ((await prover.canProve(id)) ? DEFAULT_COMPUTE_UNITS : 0);
  }
  return out;
}
