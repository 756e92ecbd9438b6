/**
 * Finds the native Groth16 provers and decides whether each may be used here:
 *
 *   const { provers, statuses } = await detectNativeProvers({ nativePaths, binDir, pool, cudaGpus });
 *
 * A prover is looked for in the configured path (settings `prover.nativePaths.<name>`), the data folder's
 * `bin/`, the app's bundled `resources/bin/<platform>-<arch>/`, then PATH. It is used only after it
 * behaves like the real tool (rapidsnark: usage line and exit 1 with no arguments; icicle-snark: a CUDA
 * GPU is present) and its proof of the practice circuit verified (`selfTestNative`).
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { CudaGpu } from '../../hardware/cuda.js';
import { ProverError } from '../errors.js';
import type { ProverPool } from '../pool.js';
import { bundledBinDir, exeName } from './locate.js';
import { ICICLE_EXECUTABLE, IcicleSnark } from './icicle-snark.js';
import type { NativeGroth16, NativeProverName } from './native-groth16.js';
import { checkRapidsnarkUsage, Rapidsnark, RAPIDSNARK_EXECUTABLE } from './rapidsnark.js';
import { selfTestNative } from './self-test.js';

export type ProverSource = 'settings' | 'data' | 'bundled' | 'PATH';

export interface NativeProverStatus {
  name: NativeProverName;
  usable: boolean;
  path: string | null;
  source: ProverSource | null;
  /** Why it is not used (absent, refused, failed its self-test, no GPU). */
  reason?: string;
  /** Its practice-circuit proof time in the self-test. */
  selfTestMs?: number;
}

export interface DetectOptions {
  nativePaths?: Record<string, string>;
  binDir: string;
  pool: ProverPool;
  /** CUDA GPUs found here (icicle-snark is offered only when there is one). */
  cudaGpus: CudaGpu[];
  env?: NodeJS.ProcessEnv;
  /** The app's bundled provers; default `resources/bin/<platform>-<arch>/`. */
  bundledDir?: string;
}

const EXECUTABLES: Record<NativeProverName, string> = {
  rapidsnark: RAPIDSNARK_EXECUTABLE,
  'icicle-snark': ICICLE_EXECUTABLE,
};

function isExecutableFile(p: string): boolean {
  try {
    if (!statSync(p).isFile()) return false;
    accessSync(p, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where the prover is, and which place it came from; a configured path is the only candidate. */
export function locateNative(
  name: NativeProverName,
  o: { configuredPath?: string; binDir: string; env?: NodeJS.ProcessEnv; bundledDir?: string },
): { path: string; source: ProverSource } | { path: null; reason: string } {
  if (o.configuredPath)
    return isExecutableFile(o.configuredPath)
      ? { path: o.configuredPath, source: 'settings' }
      : { path: null, reason: `the configured path ${o.configuredPath} is not an executable file` };
  const file = exeName(EXECUTABLES[name]);
  const places: Array<[string, ProverSource]> = [
    [o.binDir, 'data'],
    [o.bundledDir ?? bundledBinDir(), 'bundled'],
    ...((o.env ?? process.env).PATH ?? '')
      .split(delimiter)
      .filter(Boolean)
      .map((d): [string, ProverSource] => [d, 'PATH']),
  ];
  for (const [dir, source] of places) {
    const p = join(dir, file);
    if (existsSync(p) && isExecutableFile(p)) return { path: p, source };
  }
  return { path: null, reason: `not installed (no "${file}" in the data folder's bin/, the app or PATH)` };
}

/**
 * Checks a prover binary: it behaves like the real tool and proves the practice circuit correctly.
 * Resolves with the ready prover and its self-test time; rejects with the reason it cannot be used.
 */
export async function checkNativeProver(
  name: NativeProverName,
  path: string,
  o: { pool: ProverPool; cudaGpus: CudaGpu[] },
): Promise<{ prover: NativeGroth16; selfTestMs: number }> {
  let prover: NativeGroth16;
  if (name === 'rapidsnark') {
    const refused = await checkRapidsnarkUsage(path);
    if (refused) throw new ProverError(refused, 'refused');
    prover = new Rapidsnark(path);
  } else {
    if (o.cudaGpus.length === 0)
      throw new ProverError('no CUDA GPU on this machine (nvidia-smi finds none)', 'no-gpu');
    prover = new IcicleSnark(path, 'CUDA');
  }
  try {
    return { prover, selfTestMs: await selfTestNative(prover, o.pool) };
  } catch (err) {
    await prover.close();
    throw new ProverError(`failed its self-test: ${(err as Error).message}`, 'self-test');
  }
}

export async function detectNativeProvers(
  o: DetectOptions,
): Promise<{ provers: NativeGroth16[]; statuses: NativeProverStatus[] }> {
  const provers: NativeGroth16[] = [];
  const statuses: NativeProverStatus[] = [];
  for (const name of ['rapidsnark', 'icicle-snark'] as const) {
    const found = locateNative(name, { ...o, configuredPath: o.nativePaths?.[name] });
    if (found.path === null) {
      statuses.push({ name, usable: false, path: null, source: null, reason: found.reason });
      continue;
    }
    try {
      const ok = await checkNativeProver(name, found.path, o);
      provers.push(ok.prover);
      statuses.push({
        name,
        usable: true,
        path: found.path,
        source: found.source,
        selfTestMs: ok.selfTestMs,
      });
    } catch (err) {
      statuses.push({
        name,
        usable: false,
        path: found.path,
        source: found.source,
        reason: (err as Error).message,
      });
    }
  }
  return { provers, statuses };
}
