import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../util/atomic-file.js';

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
export const EngineChannelSchema = z.enum(['mainnet', 'testnet']);
export type EngineChannel = z.infer<typeof EngineChannelSchema>;

export const InstalledEngineSchema = z.object({
  channel: EngineChannelSchema,
  tag: z.string().min(1),
  asset: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  path: z.string().min(1),
  verifiedAt: z.string(),
  /** What the binary reported in its first log line (`sn2-miner version="X"`, spec §2.2). */
  version: z.string().optional(),
  /** The multi-miner variant (`--miner` in its help, spec §7 item 2). */
  multiMiner: z.boolean().optional(),
});
export type InstalledEngine = z.infer<typeof InstalledEngineSchema>;

/** A binary the user installed and pointed the app at (`sn2 engine use PATH`); its hash is pinned at that moment. */
export const CustomEngineSchema = z.object({
  path: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  version: z.string(),
  multiMiner: z.boolean(),
  verifiedAt: z.string(),
});
export type CustomEngine = z.infer<typeof CustomEngineSchema>;

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
