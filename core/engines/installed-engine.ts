import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../util/atomic-file.js';
import {
  CustomEngineSchema,
  EngineChannelSchema,
  InstalledEngineSchema,
  type CustomEngine,
  type EngineChannel,
  type InstalledEngine,
} from '../contract/engine.js';

/**
 * The app-side manifest of the installed official `sn2-miner` (spec sn2-2026.md §2.2: "keep an app-side manifest
 * {channel, tag, asset, sha256, verified_at} per installed binary and re-hash the file before each start").
 * The installer writes it (core/engines/install/); the supervisor reads it. Layout under the data folder:
 *   engines/sn2-miner/<dir>/sn2-miner      the verified executable (0755); <dir> is the tag for mainnet's
 *                                          immutable tags, <tag>-<first 12 hex of its sha256> for testnet's
 *                                          moving ones (`testnet-latest` is re-created on every push)
 *   engines/sn2-miner/manifest.json        this file: the active install and the previous one (for rollback),
 *                                          and a binary the user installed by hand (`custom`), which wins
 */
export { EngineChannelSchema, InstalledEngineSchema, CustomEngineSchema };
export type { EngineChannel, InstalledEngine, CustomEngine };

export const EngineManifestSchema = z.object({
  version: z.literal(1),
  active: InstalledEngineSchema.optional(),
  previous: InstalledEngineSchema.optional(),
  custom: CustomEngineSchema.optional(),
});
export type EngineManifest = z.infer<typeof EngineManifestSchema>;

export const engineDir = (dataRoot: string): string => join(dataRoot, 'engines', 'sn2-miner');
export const engineManifestPath = (dataRoot: string): string => join(engineDir(dataRoot), 'manifest.json');

/** The manifest, or an empty one when nothing is installed; a damaged manifest is an error that names the file. */
export function readEngineManifest(dataRoot: string): EngineManifest {
  const path = engineManifestPath(dataRoot);
  if (!existsSync(path)) return { version: 1 };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new Error(`${path} is not valid JSON: reinstall the engine (sn2 engine install)`);
  }
  const parsed = EngineManifestSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`${path} is not an engine manifest: reinstall the engine (sn2 engine install)`);
  return parsed.data;
}

export function writeEngineManifest(dataRoot: string, manifest: EngineManifest): void {
  writeFileAtomic(
    engineManifestPath(dataRoot),
    `${JSON.stringify(EngineManifestSchema.parse(manifest), null, 2)}\n`,
  );
}
