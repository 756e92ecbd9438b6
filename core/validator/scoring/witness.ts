import { readFile } from 'node:fs/promises';
import * as snarkjs from 'snarkjs';

/** Computes a circom witness (element 0 is 1; public signals follow). */
export type WitnessCalculator = (input: Record<string, unknown>) => Promise<bigint[]>;

interface SnarkjsWtns {
  calculate(input: unknown, wasm: Uint8Array, out: { type: 'mem'; data?: Uint8Array }): Promise<void>;
  exportJson(wtns: { type: 'mem'; data?: Uint8Array }): Promise<bigint[]>;
}

/** @types/snarkjs does not declare the `wtns` namespace that snarkjs 0.7.6 exports. */
const wtns = (snarkjs as unknown as { wtns: SnarkjsWtns }).wtns;

/**
 * In-process witness with snarkjs `wtns.calculate` + `wtns.exportJson` (what upstream's `snarkjs wc`
 * + `wej` do). The wasm is read once. It blocks the event loop for the witness time (≈1.75 s for the
 * PoW-256 circuit), so a validator under load should pass a worker-backed calculator instead.
 */
export function snarkjsWitnessCalculator(wasmPath: string): WitnessCalculator {
  let wasm: Promise<Uint8Array> | undefined;
  return async (input) => {
    wasm ??= readFile(wasmPath);
    const out: { type: 'mem'; data?: Uint8Array } = { type: 'mem' };
    await wtns.calculate(input, await wasm, out);
    return wtns.exportJson(out);
  };
}
