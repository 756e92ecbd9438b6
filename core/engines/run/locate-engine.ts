import { createHash } from 'node:crypto';
import { accessSync, constants, createReadStream, existsSync, statSync } from 'node:fs';
import { readEngineManifest, type InstalledEngine } from '../installed-engine.js';

/** The binary the app would run, and where the choice came from. */
export interface EngineBinary {
  path: string;
  source: 'settings' | 'installed';
  /** The manifest entry, for an installed binary. */
  installed?: InstalledEngine;
}

export class EngineNotFoundError extends Error {
  override readonly name = 'EngineNotFoundError';
}

/** Settings `engine.path` (a binary installed by hand) wins; else the active install of the manifest. */
export function locateEngine(settingsPath: string | undefined, dataRoot: string): EngineBinary {
  if (settingsPath) {
    checkExecutable(settingsPath, 'engine.path in Settings');
    return { path: settingsPath, source: 'settings' };
  }
  const active = readEngineManifest(dataRoot).active;
  if (!active)
    throw new EngineNotFoundError(
      'sn2-miner is not installed: install it (Settings → Engine, or "sn2 engine install") or set engine.path to a binary',
    );
  checkExecutable(active.path, 'the installed sn2-miner');
  return { path: active.path, source: 'installed', installed: active };
}

function checkExecutable(path: string, what: string): void {
  if (!existsSync(path)) throw new EngineNotFoundError(`${what} (${path}) does not exist`);
  if (!statSync(path).isFile()) throw new EngineNotFoundError(`${what} (${path}) is not a file`);
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new EngineNotFoundError(`${what} (${path}) is not executable (chmod 0755 it)`);
  }
}

/** Re-hash an installed binary before each start (spec sn2-2026.md §2.2): a changed file is not run. */
export async function verifyInstalledEngine(binary: EngineBinary): Promise<void> {
  if (!binary.installed) return;
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(binary.path)) hash.update(chunk as Buffer);
  const digest = hash.digest('hex');
  if (digest !== binary.installed.sha256)
    throw new EngineNotFoundError(
      `${binary.path} changed since it was verified (sha256 ${digest.slice(0, 12)}…, expected ${binary.installed.sha256.slice(0, 12)}…): reinstall it (sn2 engine install)`,
    );
}
