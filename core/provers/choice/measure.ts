/**
 * The short benchmark behind the prover choice: for one Groth16 circuit, the witness of its benchmark
 * input is computed once, then each available prover proves it (one untimed warm-up, then `runs` timed
 * proofs; the fastest counts) and its last proof must verify. A prover that fails is recorded with the
 * reason and is not chosen for that circuit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CircuitStore } from '../../circuits/store.js';
import { generateInput } from '../../circuits/inputs/registry.js';
import type { ProverPool } from '../pool.js';
import type { Groth16ProverName, NativeGroth16, NativeProverName } from '../native/native-groth16.js';
import type { Groth16Proof } from '../worker/jobs.js';
import type { ProverChoice } from './prover-choice.js';

export interface MeasureDeps {
  store: CircuitStore;
  pool: ProverPool;
  natives: ReadonlyMap<NativeProverName, NativeGroth16>;
  choice: ProverChoice;
}

const PROOF_TIMEOUT_MS = 120_000;

/** Measures the provers not yet measured for `circuitId` (all of them with `all`). */
export async function measureCircuit(
  deps: MeasureDeps,
  circuitId: string,
  options: { runs?: number; all?: boolean; signal?: AbortSignal } = {},
): Promise<void> {
  const todo = options.all ? deps.choice.available : deps.choice.unmeasured(circuitId);
  if (todo.length === 0) return;
  const [wasmPath, zkeyPath, vkPath] = await Promise.all(
    ['circuit.wasm', 'circuit.zkey', 'verification_key.json'].map((f) => deps.store.resolve(circuitId, f)),
  );
  if (!wasmPath || !zkeyPath || !vkPath) return;
  const dir = mkdtempSync(join(tmpdir(), 'sn2-measure-'));
  try {
    const wtnsPath = join(dir, 'witness.wtns');
    const input = generateInput(circuitId);
    await deps.pool.run(
      { kind: 'wtns.write', input, wasmPath, outPath: wtnsPath },
      { signal: options.signal },
    );
    for (const prover of todo) {
      const proveOnce = (): Promise<{ proof: Groth16Proof; publicSignals: string[] }> => {
        if (prover === 'snarkjs')
          return deps.pool.run(
            { kind: 'groth16.proveWitness', zkeyPath, wtnsPath },
            { signal: options.signal, timeoutMs: PROOF_TIMEOUT_MS },
          );
        const native = deps.natives.get(prover);
        if (!native) throw new Error(`${prover} is not available`);
        return deps.pool.runExternal(
          (threads) =>
            native.prove(
              { zkeyPath, wtnsPath },
              { signal: options.signal, timeoutMs: PROOF_TIMEOUT_MS, threads },
            ),
          { signal: options.signal },
        );
      };
      try {
        let last = await proveOnce();
        let best = Infinity;
        for (let i = 0; i < (options.runs ?? 2); i++) {
          const t0 = performance.now();
          last = await proveOnce();
          best = Math.min(best, performance.now() - t0);
        }
        const ok = await deps.pool.run(
          { kind: 'groth16.verify', vkPath, publicSignals: last.publicSignals, proof: last.proof },
          { signal: options.signal },
        );
        deps.choice.record(circuitId, prover, ok ? { ms: best } : { error: 'its proof did not verify' });
      } catch (err) {
        if (options.signal?.aborted) throw err;
        deps.choice.record(circuitId, prover as Groth16ProverName, { error: (err as Error).message });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
