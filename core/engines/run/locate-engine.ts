import { accessSync, constants } from 'node:fs';
import { ReleaseVerificationError } from '../install/errors.js';
import { verifyInstalledEngine, type VerifiedEngine } from '../install/manage.js';
import { engineSupport, type EngineSupport } from '../install/platform.js';

/** The binary a start runs: the manifest's hand-installed (`custom`) one if set, else its active install. */
export type EngineBinary = VerifiedEngine;

/**
 * The engine the next start runs, re-hashed against the manifest (spec sn2-2026.md §2.2) by the installer's
 * `verifyInstalledEngine`: `sn2 engine use`/`engine.use` and `sn2 engine install` are the only ways to choose it.
 * Throws a one-line error when none is chosen, it changed since it was verified, or it is not executable.
 */
export async function locateEngine(
  dataRoot: string,
  support: EngineSupport = engineSupport(),
): Promise<EngineBinary> {
  const engine = await verifyInstalledEngine(dataRoot, support);
  try {
    accessSync(engine.path, constants.X_OK);
  } catch {
    throw new ReleaseVerificationError(`the sn2-miner at ${engine.path} is not executable (chmod 0755 it)`);
  }
  return engine;
}

/** How messages name an engine: the release tag of an install, else the version it reported. */
export const engineLabel = (engine: EngineBinary): string =>
  'tag' in engine.entry ? engine.entry.tag : (engine.version ?? engine.path);
