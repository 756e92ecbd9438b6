import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The read-only reference folder (specs, vectors, upstream fixtures). `.ci/run` sets SN2_SHARED_DIR;
 * locally it sits beside the checkout. Fixtures are never copied into the repository.
 */
export function sharedDir(): string {
  const dir = resolve(process.env.SN2_SHARED_DIR ?? join(process.cwd(), '..', 'shared'));
  if (!existsSync(dir)) throw new Error(`shared reference folder not found at ${dir}: set SN2_SHARED_DIR`);
  return dir;
}

export const sharedPath = (...parts: string[]): string => join(sharedDir(), ...parts);

/**
 * The first existing path among `candidates`, for a suite that needs an optional fixture. Missing:
 * undefined (the suite skips, with a warning) on a developer's machine, but under `CI=true` it throws,
 * so a CI run whose fixture went missing fails instead of passing with the suite skipped.
 */
export function fixtureOrSkip(what: string, ...candidates: Array<string | undefined>): string | undefined {
  const found = candidates.find((p): p is string => Boolean(p && existsSync(p)));
  if (found) return found;
  const tried = candidates.filter(Boolean).join(', ') || 'no path given';
  if (isCi())
    throw new Error(`${what} is missing (tried ${tried}); CI must not skip the suites that need it`);
  console.warn(`skipping: ${what} not found (tried ${tried})`);
  return undefined;
}

const isCi = (): boolean => /^(1|true|yes)$/i.test(process.env.CI ?? '');
