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
