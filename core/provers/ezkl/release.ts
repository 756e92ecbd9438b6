/**
 * The ezkl release the app may install: one archive per platform with its pinned SHA-256, read from
 * `deployment_layer/tools/ezkl.json` (or `$SN2_EZKL_RELEASE`, the same format, for a mirror with its
 * own pins). An asset whose `sha256` is null is never installed: the app does not run unchecked code.
 */
import { readFileSync } from 'node:fs';
import { arch as osArch, platform as osPlatform } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { appRoot } from '../../util/app-root.js';
import { formatZodError } from '../../util/zod-error.js';
import { UserError } from '../../util/errors.js';

const AssetSchema = z
  .object({
    url: z.string().url(),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits')
      .nullable(),
    maxBytes: z.number().int().positive(),
  })
  .strict();

export const EzklReleaseSchema = z
  .object({
    tool: z.literal('ezkl'),
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    release: z.string().url(),
    assets: z.record(z.string().regex(/^[a-z0-9]+-[a-z0-9]+$/, 'must be <platform>-<arch>'), AssetSchema),
  })
  .strict();

export type EzklRelease = z.infer<typeof EzklReleaseSchema>;
export type EzklAsset = z.infer<typeof AssetSchema>;

export const DEFAULT_EZKL_RELEASE_FILE = join(appRoot(), 'deployment_layer', 'tools', 'ezkl.json');

export function ezklReleaseFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.SN2_EZKL_RELEASE || DEFAULT_EZKL_RELEASE_FILE;
}

export function loadEzklRelease(file = ezklReleaseFile()): EzklRelease {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UserError(`cannot read the ezkl release table ${file}: ${(err as Error).message}`);
  }
  const parsed = EzklReleaseSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(`${file}: ${formatZodError(parsed.error)}`);
  return parsed.data;
}

/** `<platform>-<arch>` as Node names them, e.g. "linux-x64", "darwin-arm64". */
export const platformKey = (platform: string = osPlatform(), arch: string = osArch()): string =>
  `${platform}-${arch}`;

export type EzklAssetChoice =
  | { installable: true; key: string; asset: EzklAsset & { sha256: string } }
  | { installable: false; key: string; reason: string };

/** The archive to install on `key`, or why the app cannot install ezkl there. */
export function chooseEzklAsset(release: EzklRelease, key = platformKey()): EzklAssetChoice {
  const asset = release.assets[key];
  if (!asset)
    return {
      installable: false,
      key,
      reason: `ezkl ${release.version} has no release for ${key}: install it yourself and point the app at it: "ezkl=/path/to/ezkl" in Settings → Proving → Native prover paths, or "sn2 ezkl use /path/to/ezkl"`,
    };
  if (!asset.sha256)
    return {
      installable: false,
      key,
      reason: `this build has no pinned checksum for the ezkl ${release.version} archive for ${key}, so it will not install it: install ezkl ${release.version} yourself and point the app at it: "ezkl=/path/to/ezkl" in Settings → Proving → Native prover paths, or "sn2 ezkl use /path/to/ezkl"`,
    };
  return { installable: true, key, asset: { ...asset, sha256: asset.sha256 } };
}
