import type { CircuitInput } from '../../circuits/inputs/types.js';
import type { ProverPool } from '../../provers/pool.js';
import { POW_BATCH_SIZE, POW_WITNESS_MINER_UID_OFFSET } from '../../sn2/constants.js';

/** Computes a circom witness, or its first elements (element 0 is 1; public signals follow). */
export type WitnessCalculator = (input: Record<string, unknown>) => Promise<bigint[]>;

/** The witness elements PoW-256 scoring reads: the 256 new scores, then the 256 miner uids. */
export const POW_SCORING_WITNESS_PREFIX = POW_WITNESS_MINER_UID_OFFSET + POW_BATCH_SIZE;

/**
 * The PoW batch witness (snarkjs `wtns.calculate` + `wtns.exportJson`, what upstream's `snarkjs wc` +
 * `wej` do) on a prover-pool worker: about 1.75 s of CPU that must not run on the core's thread,
 * where it would stall the axon, the UI bridge and every timer for as long. `limit`: only that many
 * leading elements come back (the PoW-256 witness has ~589 000; scoring reads 769), so neither the
 * copy between threads nor the BigInt conversion lands on the core's thread either.
 */
export function poolWitnessCalculator(pool: ProverPool, wasmPath: string, limit?: number): WitnessCalculator {
  return async (input) => {
    const signals = await pool.run({ kind: 'wtns.calculate', input: input as CircuitInput, wasmPath, limit });
    return signals.map((s) => BigInt(s));
  };
}
