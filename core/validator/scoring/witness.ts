import type { CircuitInput } from '../../circuits/inputs/types.js';
import type { ProverPool } from '../../provers/pool.js';

/** Computes a circom witness (element 0 is 1; public signals follow). */
export type WitnessCalculator = (input: Record<string, unknown>) => Promise<bigint[]>;

/**
 * The PoW batch witness (snarkjs `wtns.calculate` + `wtns.exportJson`, what upstream's `snarkjs wc` +
 * `wej` do) on a prover-pool worker: about 1.75 s of CPU that must not run on the core's thread,
 * where it would stall the axon, the UI bridge and every timer for as long.
 */
export function poolWitnessCalculator(pool: ProverPool, wasmPath: string): WitnessCalculator {
  return async (input) => {
    const signals = await pool.run({ kind: 'wtns.calculate', input: input as CircuitInput, wasmPath });
    return signals.map((s) => BigInt(s));
  };
}
