/**
 * Everything proving needs, wired from the app's settings and data folder: used by the CLI, the
 * CoreService handlers, the miner and the validator.
 *
 *   const engine = await createProvingEngine({ paths: dataPaths(), prover: settings.prover });
 *   engine.store / engine.pool / engine.prover;   await engine.close();
 */
import { availableParallelism } from 'node:os';
import type { dataPaths } from '../util/paths.js';
import { CircuitStore } from '../circuits/store.js';
import { createProverPool, type ProverPool } from './pool.js';
import { createProver, type Prover, type ProverLogger } from './prover.js';
import { detectNativeGroth16, ICICLE_SNARK, RAPIDSNARK } from './native/groth16-native.js';

export interface ProvingEngine {
  store: CircuitStore;
  pool: ProverPool;
  prover: Prover;
  /** Why a native tool is not used (for diagnostics), by tool name. */
  notes: Record<string, string>;
  close(): Promise<void>;
}

export interface ProvingEngineOptions {
  paths: ReturnType<typeof dataPaths>;
  prover?: { cpuLimit?: number; preferNative?: boolean; nativePaths?: Record<string, string> };
  logger?: ProverLogger;
  store?: CircuitStore;
}

export async function createProvingEngine(options: ProvingEngineOptions): Promise<ProvingEngine> {
  const cfg = options.prover ?? {};
  const store = options.store ?? new CircuitStore({ cacheDir: options.paths.circuits });
  const pool = createProverPool({
    size: Math.min(cfg.cpuLimit ?? availableParallelism(), availableParallelism()),
  });
  const notes: Record<string, string> = {};
  let nativeGroth16 = null;
  if (cfg.preferNative !== false) {
    for (const spec of [ICICLE_SNARK, RAPIDSNARK]) {
      const found = await detectNativeGroth16(spec, {
        configuredPath: cfg.nativePaths?.[spec.name],
        dirs: [options.paths.bin],
      });
      if (found.prover) {
        nativeGroth16 = found.prover;
        break;
      }
      notes[spec.name] = found.reason;
    }
  }
  const prover = await createProver({
    store,
    pool,
    srsDir: options.paths.srs,
    ezklPath: cfg.nativePaths?.ezkl,
    binDir: options.paths.bin,
    nativeGroth16,
    logger: options.logger,
  });
  return { store, pool, prover, notes, close: () => pool.close() };
}
