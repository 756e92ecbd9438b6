/**
 * Switching between installed engines: what the runtime calls around a stop → swap → start.
 *   activateEngine   make an installed (verified) engine the active one; the old active becomes `previous`
 *   rollbackEngine   make `previous` active again (and the current one `previous`)
 * Each is one atomic manifest write; folders no longer named by the manifest are removed afterwards,
 * so a kill between the two steps only leaves an unused folder behind.
 */
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  engineDir,
  readEngineManifest,
  writeEngineManifest,
  type InstalledEngine,
} from '../installed-engine.js';
import { UserError } from '../../util/errors.js';

/** Returns the engine that was active before, if any (now `previous`). */
export function activateEngine(dataRoot: string, engine: InstalledEngine): InstalledEngine | undefined {
  const manifest = readEngineManifest(dataRoot);
  const old = manifest.active;
  const previous = old && old.path !== engine.path ? old : manifest.previous;
  writeEngineManifest(dataRoot, { ...manifest, active: engine, ...(previous ? { previous } : {}) });
  pruneEngineFolders(dataRoot);
  return old && old.path !== engine.path ? old : undefined;
}

/** Swap `active` and `previous`; returns the engine now active. */
export function rollbackEngine(dataRoot: string): InstalledEngine {
  const manifest = readEngineManifest(dataRoot);
  if (!manifest.previous) throw new UserError('there is no previous engine to roll back to');
  writeEngineManifest(dataRoot, {
    ...manifest,
    active: manifest.previous,
    ...(manifest.active ? { previous: manifest.active } : {}),
  });
  return manifest.previous;
}

/** Remove version folders that neither `active` nor `previous` uses (dot-folders and files are kept). */
export function pruneEngineFolders(dataRoot: string): void {
  const root = engineDir(dataRoot);
  const manifest = readEngineManifest(dataRoot);
  const keep = new Set(
    [manifest.active, manifest.previous].filter((e) => e !== undefined).map((e) => dirname(e.path)),
  );
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const dir = join(root, entry.name);
    if (!keep.has(dir)) rmSync(dir, { recursive: true, force: true });
  }
}
