import { isAbsolute } from 'node:path';
import type { NativePathChange } from '../contract/core-channel.js';
import type { Settings } from '../contract/settings.js';
import { probeBinary } from '../engines/install/probe-binary.js';
import { locateEzkl } from '../provers/ezkl/native-cli.js';
import { checkNativeProver } from '../provers/native/detect.js';
import { createProverPool } from '../provers/pool.js';
import { detectCudaGpus } from '../hardware/cuda.js';
import { UserError } from '../util/errors.js';
import type { HostHooks } from './host-hooks.js';

/**
 * The check each native tool must pass before its path is saved, as `sn2 provers use` does: ezkl must
 * report the pinned version; rapidsnark/icicle-snark must behave like the real tool and prove the
 * practice circuit with a proof that verifies (`checkNativeProver`).
 */
const SELF_TESTS: Record<string, (path: string) => Promise<string | null>> = {
  ezkl: async (path) => (await locateEzkl({ configuredPath: path })).reason ?? null,
  rapidsnark: async (path) => groth16Problem('rapidsnark', path),
  'icicle-snark': async (path) => groth16Problem('icicle-snark', path),
  // engine.use (Settings → Engine): the smoke test and version probe `sn2 engine use` runs.
  'sn2-miner': async (path) =>
    probeBinary(path).then(
      () => null,
      (err: unknown) => (err as Error).message,
    ),
};

async function groth16Problem(name: 'rapidsnark' | 'icicle-snark', path: string): Promise<string | null> {
  const pool = createProverPool({ size: 1 });
  try {
    const ok = await checkNativeProver(name, path, { pool, cudaGpus: await detectCudaGpus() });
    await ok.prover.close();
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await pool.close();
  }
}

/** Executables `next` would let the core run that `current` did not (removing a path needs no consent). */
export function nativePathChanges(current: Settings, next: Settings): NativePathChange[] {
  const before = current.prover.nativePaths;
  return Object.entries(next.prover.nativePaths)
    .filter(([tool, path]) => !Object.hasOwn(before, tool) || before[tool] !== path)
    .map(([tool, path]) => ({
      tool,
      path,
      ...(Object.hasOwn(before, tool) ? { previous: before[tool] } : {}),
    }));
}

/**
 * A native executable chosen through `settings.update` (i.e. from a UI) is saved only when it is an
 * absolute path to a tool we know, the person at this computer confirms it outside the UI (the host's
 * hook: an OS dialog, the terminal of `sn2 ui`), and it then passes its self-test. Confirmation comes
 * first: the self-test runs the file, and nothing unconfirmed is run. Throws a UserError otherwise.
 */
export async function approveNativePath(change: NativePathChange, host: HostHooks): Promise<void> {
  const { tool, path } = change;
  const selfTest = Object.hasOwn(SELF_TESTS, tool) ? SELF_TESTS[tool] : undefined;
  if (!selfTest)
    throw new UserError(`unknown native tool "${tool}" (known: ${Object.keys(SELF_TESTS).join(', ')})`);
  if (!isAbsolute(path)) throw new UserError(`the ${tool} path must be absolute, got "${path}"`);
  if (!host.confirmNativePath)
    throw new UserError(
      `changing the ${tool} path needs confirmation at this computer: run ` +
        (tool === 'sn2-miner'
          ? `"sn2 engine use <path>" in a terminal instead`
          : `"sn2 ezkl use <path>" or "sn2 provers use" in a terminal instead`),
    );
  if (!(await host.confirmNativePath(change)))
    throw new UserError(`not saved: running ${path} as ${tool} was not confirmed`);
  const problem = await selfTest(path);
  if (problem) throw new UserError(`not saved: ${path} failed the ${tool} self-test: ${problem}`);
}
