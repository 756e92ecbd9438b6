import { isAbsolute } from 'node:path';
import type { NativePathChange } from '../contract/core-channel.js';
import type { Settings } from '../contract/settings.js';
import { locateEzkl } from '../provers/ezkl/native-cli.js';
import { detectNativeGroth16, ICICLE_SNARK, RAPIDSNARK } from '../provers/native/groth16-native.js';
import { UserError } from '../util/errors.js';
import type { HostHooks } from './host-hooks.js';

/**
 * The check each native tool must pass before its path is saved: the same version checks the
 * provers run when they look for the tool. (`sn2 provers use`, on the provers branch, adds a proving
 * self-test per tool; it belongs here, in place of the version-only check.)
 */
const SELF_TESTS: Record<string, (path: string) => Promise<string | null>> = {
  ezkl: async (path) => (await locateEzkl({ configuredPath: path })).reason ?? null,
  [RAPIDSNARK.name]: async (path) => groth16Problem(RAPIDSNARK, path),
  [ICICLE_SNARK.name]: async (path) => groth16Problem(ICICLE_SNARK, path),
};

async function groth16Problem(spec: typeof RAPIDSNARK, path: string): Promise<string | null> {
  const found = await detectNativeGroth16(spec, { configuredPath: path });
  return found.prover ? null : found.reason;
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
      `changing the ${tool} path needs confirmation at this computer: run "sn2 ezkl use <path>" or ` +
        `"sn2 provers use" in a terminal instead`,
    );
  if (!(await host.confirmNativePath(change)))
    throw new UserError(`not saved: running ${path} as ${tool} was not confirmed`);
  const problem = await selfTest(path);
  if (problem) throw new UserError(`not saved: ${path} failed the ${tool} self-test: ${problem}`);
}
