import { requiredPackages } from './package-rules.js';

/** The utility-process entry the main process forks (electron/core-process.ts, `--mode core`). */
export const CORE_PROCESS_BUNDLE = 'dist-electron/core-process.cjs';

/** Packages only the core uses (chain, proving, hardware): none may be loaded by the main process. */
const CORE_ONLY_PACKAGES = ['@polkadot/api', 'snarkjs', 'onnxruntime-node', 'systeminformation', 'ws'];

/**
 * The desktop main process holds windows, tray, updater and the supervisor, never mining code: a
 * crash or a slow step in the core must not reach the window. Returns the problems found.
 */
export function processSplitProblems(mainBundle: string, coreBundle: string | null): string[] {
  const problems: string[] = [];
  if (coreBundle === null)
    problems.push(`${CORE_PROCESS_BUNDLE} is missing: the app could not start its core`);
  else if (!coreBundle.includes('serveCoreProcess'))
    problems.push(`${CORE_PROCESS_BUNDLE} does not serve the core channel`);
  const mainRequires = requiredPackages(mainBundle);
  for (const pkg of CORE_ONLY_PACKAGES)
    if (mainRequires.has(pkg))
      problems.push(`the main bundle requires ${pkg}: core code leaked into the main process`);
  if (/\bclass (CoreService|Miner|Validator|ProofScheduler)\b/.test(mainBundle))
    problems.push('the main bundle contains the core (CoreService, miner or validator classes)');
  return problems;
}
