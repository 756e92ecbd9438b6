/**
 * Everything proving needs, wired from the app's settings and data folder: used by the CLI, the
 * CoreService handlers, the miner and the validator.
 *
 *   const engine = await createProvingEngine({ paths: dataPaths(), prover: settings.prover });
 *   engine.store / engine.pool / engine.prover;   engine.provers (which native provers, and why not)
 *   await engine.measured;      // the background benchmark behind the per-circuit prover choice
 *   engine.choice.table();      await engine.close();
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { dataPaths } from '../util/paths.js';
import { CircuitStore } from '../circuits/store.js';
import { detectCudaGpus, type CudaGpu } from '../hardware/cuda.js';
import { createProverPool, type ProverPool } from './pool.js';
import { createProver, type Prover, type ProverLogger } from './prover.js';
import { detectNativeProvers, type NativeProverStatus } from './native/detect.js';
import type { NativeGroth16, NativeProverName } from './native/native-groth16.js';
import { ProverChoice, proverFingerprint } from './choice/prover-choice.js';
import { measureCircuit } from './choice/measure.js';

export interface ProvingEngine {
  store: CircuitStore;
  pool: ProverPool;
  prover: Prover;
  /** Each native Groth16 prover: usable, or why not. */
  provers: NativeProverStatus[];
  choice: ProverChoice;
  /** Settles when the provers not yet measured for the provable Groth16 circuits have been measured. */
  measured: Promise<void>;
  /** Measures the provers for the provable Groth16 circuits now (`all`: again, not only the missing). */
  measure(options?: { all?: boolean; signal?: AbortSignal }): Promise<void>;
  close(): Promise<void>;
}

export interface ProvingEngineOptions {
  paths: ReturnType<typeof dataPaths>;
  prover?: { cpuLimit?: number; preferNative?: boolean; nativePaths?: Record<string, string> };
  logger?: ProverLogger;
  store?: CircuitStore;
  /** Start measuring the provers in the background (default true; the CLI's one-shot commands skip it). */
  measureAtStart?: boolean;
  /** CUDA GPUs; default detected (nvidia-smi). */
  cudaGpus?: CudaGpu[];
}

/** Where the measured prover times are kept. */
export const proverTimesFile = (paths: ReturnType<typeof dataPaths>) => join(paths.root, 'prover-times.json');

export async function createProvingEngine(options: ProvingEngineOptions): Promise<ProvingEngine> {
  const cfg = options.prover ?? {};
  const store = options.store ?? new CircuitStore({ cacheDir: options.paths.circuits });
  const pool = createProverPool({
    size: Math.min(cfg.cpuLimit ?? availableParallelism(), availableParallelism()),
  });
  let natives: NativeGroth16[] = [];
  let provers: NativeProverStatus[] = [];
  if (cfg.preferNative !== false) {
    ({ provers: natives, statuses: provers } = await detectNativeProvers({
      nativePaths: cfg.nativePaths,
      binDir: options.paths.bin,
      pool,
      cudaGpus: options.cudaGpus ?? (await detectCudaGpus()),
    }));
  }
  const choice = new ProverChoice({
    available: natives.map((n) => n.name),
    file: proverTimesFile(options.paths),
    fingerprint: proverFingerprint(natives),
  });
  const prover = await createProver({
    store,
    pool,
    srsDir: options.paths.srs,
    ezklPath: cfg.nativePaths?.ezkl,
    binDir: options.paths.bin,
    natives,
    choice,
    logger: options.logger,
  });
  const byName = new Map<NativeProverName, NativeGroth16>(natives.map((n) => [n.name, n]));
  async function measure(o: { all?: boolean; signal?: AbortSignal } = {}): Promise<void> {
    for (const c of store.list()) {
      if (c.proofSystem !== 'CIRCOM' || !(await store.status(c.id)).canProve) continue;
      await measureCircuit({ store, pool, natives: byName, choice }, c.id, o);
    }
  }
  const stop = new AbortController();
  const measured =
    options.measureAtStart === false
      ? Promise.resolve()
      : measure({ signal: stop.signal }).catch((err: Error) => {
          if (!stop.signal.aborted)
            options.logger?.warn({ err: err.message }, `measuring the provers failed: ${err.message}`);
        });
  return {
    store,
    pool,
    prover,
    provers,
    choice,
    measured,
    measure,
    async close() {
      stop.abort();
      await measured;
      await Promise.all(natives.map((n) => n.close()));
      await pool.close();
    },
  };
}
