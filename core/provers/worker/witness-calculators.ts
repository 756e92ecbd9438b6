/**
 * circom witness calculators, compiled once per circuit in this worker and reused. snarkjs's
 * `wtns.calculate` reads and compiles the circuit's wasm on every call, which is most of a small
 * circuit's witness time (practice circuit: ≈ 10 ms of 12 ms). circom_runtime re-initialises the
 * instance at every calculation, so one calculator serves any number of witnesses; one that threw is
 * dropped all the same, so a trap mid-calculation never leaves a half-run instance for the next request.
 * A replaced wasm file (another size or modification time) is compiled afresh.
 */
import { readFileSync, statSync } from 'node:fs';
import { WitnessCalculatorBuilder, type WitnessCalculator } from 'circom_runtime';

/** Each calculator holds a wasm instance with its own memory: keep the circuits in use, not every one seen. */
const MAX_CACHED = 2;
type Cached = Promise<WitnessCalculator | null>;
const cache = new Map<string, { stamp: string; calculator: Cached }>();

/**
 * A calculator for circom 2 code, null for circom 1 (snarkjs writes its witness another way). circom 2
 * modules define their own memory; circom_runtime still allocates the memory a circom 1 module imports
 * (2 GiB by default) and a cached calculator would keep it for good (committed memory on Windows), so
 * it gets one page.
 */
async function build(code: Uint8Array<ArrayBuffer>): Cached {
  const imports = WebAssembly.Module.imports(await WebAssembly.compile(code));
  if (imports.some((i) => i.kind === 'memory')) return null;
  return WitnessCalculatorBuilder(code, { memorySize: 1 });
}

function calculatorFor(wasmPath: string): Cached {
  const s = statSync(wasmPath);
  const stamp = `${s.size}:${s.mtimeMs}`;
  const hit = cache.get(wasmPath);
  if (hit && hit.stamp === stamp) {
    cache.delete(wasmPath); // re-insert: the map's order is the recency order
    cache.set(wasmPath, hit);
    return hit.calculator;
  }
  const calculator = build(new Uint8Array(readFileSync(wasmPath)));
  cache.set(wasmPath, { stamp, calculator });
  calculator.catch(() => forget(wasmPath, calculator));
  while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
  return calculator;
}

function forget(wasmPath: string, calculator: Cached): void {
  if (cache.get(wasmPath)?.calculator === calculator) cache.delete(wasmPath);
}

/**
 * The witness of `input` for the circuit at `wasmPath`, in snarkjs's `.wtns` format; null for a
 * circom 1 circuit (the caller then uses snarkjs).
 */
export async function calculateWtns(
  wasmPath: string,
  input: Record<string, unknown>,
): Promise<Uint8Array | null> {
  const pending = calculatorFor(wasmPath);
  const calculator = await pending;
  if (!calculator) return null;
  try {
    return await calculator.calculateWTNSBin(input);
  } catch (err) {
    forget(wasmPath, pending);
    throw err;
  }
}
