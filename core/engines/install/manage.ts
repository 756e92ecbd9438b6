/**
 * What the app knows about its sn2-miner, and the small operations around it:
 *   engineStatus           installed engines, the one a start runs, and whether this platform is supported
 *   verifyInstalledEngine  re-hash the engine that will run; the runtime calls it before every start
 *   useCustomEngine        adopt a binary the user installed by hand (smoke-tested, version read, hash pinned)
 *   clearCustomEngine      forget it (the installed engine runs again)
 *   checkForUpdate         the newest release of the channel, if it differs from the installed one
 */
import { resolve } from 'node:path';
import { sha256File } from '../../util/sha256-file.js';
import {
  readEngineManifest,
  writeEngineManifest,
  type CustomEngine,
  type EngineChannel,
  type EngineManifest,
  type InstalledEngine,
} from '../installed-engine.js';
import type { EngineStatus } from '../../contract/engine.js';
import { ReleaseVerificationError, UnsupportedPlatformError } from './errors.js';
import { engineSupport, type EngineSupport } from './platform.js';
import { probeBinary } from './probe-binary.js';
import { compareSemverTags, fetchSmallAsset, listReleases, releasesApi, selectRelease } from './releases.js';
import { sha256ForAsset } from './sha256sums.js';

export type EngineSource = 'custom' | 'installed';

/** Installed engines, the one a start would run, and whether this platform is supported (the UI/CLI view). */
export function engineStatus(dataRoot: string, support: EngineSupport = engineSupport()): EngineStatus {
  const base = {
    platform: support.platform,
    supported: support.supported,
    ...(support.supported ? { asset: support.asset } : { unsupportedReason: support.reason }),
  };
  let manifest: EngineManifest;
  try {
    manifest = readEngineManifest(dataRoot);
  } catch (err) {
    return { ...base, selected: null, problem: (err as Error).message };
  }
  const { custom, active, previous } = manifest;
  const selected = custom
    ? { source: 'custom' as const, path: custom.path, version: custom.version }
    : active
      ? { source: 'installed' as const, path: active.path, version: active.version ?? null }
      : null;
  return {
    ...base,
    selected,
    ...(active ? { active } : {}),
    ...(previous ? { previous } : {}),
    ...(custom ? { custom } : {}),
  };
}

export interface VerifiedEngine {
  source: EngineSource;
  path: string;
  sha256: string;
  version: string | null;
  multiMiner: boolean | null;
  /** The manifest entry (the active install, or the custom binary). */
  entry: InstalledEngine | CustomEngine;
}

/**
 * The engine to start, after re-hashing it against the manifest (spec §2.2). Throws a one-line error
 * when none is installed, the platform has no build, or the file changed since it was verified.
 */
export async function verifyInstalledEngine(
  dataRoot: string,
  support: EngineSupport = engineSupport(),
): Promise<VerifiedEngine> {
  const manifest = readEngineManifest(dataRoot);
  const entry = manifest.custom ?? manifest.active;
  if (!entry) {
    if (!support.supported) throw new UnsupportedPlatformError(support.reason);
    throw new ReleaseVerificationError(
      'no sn2-miner is installed: run "sn2 engine install" or Settings → Engine → Install',
    );
  }
  const source: EngineSource = manifest.custom ? 'custom' : 'installed';
  let actual: string;
  try {
    actual = await sha256File(entry.path);
  } catch (err) {
    throw new ReleaseVerificationError(
      `the sn2-miner at ${entry.path} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): ${fix(source)}`,
    );
  }
  if (actual !== entry.sha256)
    throw new ReleaseVerificationError(
      `the sn2-miner at ${entry.path} changed since it was verified (sha256 ${actual}, expected ${entry.sha256}); it is not started: ${fix(source)}`,
    );
  return {
    source,
    path: entry.path,
    sha256: actual,
    version: entry.version ?? null,
    multiMiner: entry.multiMiner ?? null,
    entry,
  };
}

const fix = (source: EngineSource): string =>
  source === 'custom'
    ? 'point the app at it again ("sn2 engine use PATH") or forget it ("sn2 engine clear")'
    : 'reinstall it ("sn2 engine install")';

/** Adopt a hand-installed binary: it must run (`--help`), report its version, and is pinned by hash. */
export async function useCustomEngine(dataRoot: string, path: string): Promise<CustomEngine> {
  const absolute = resolve(path);
  const report = await probeBinary(absolute);
  const custom: CustomEngine = {
    path: absolute,
    sha256: await sha256File(absolute),
    version: report.version,
    multiMiner: report.multiMiner,
    verifiedAt: new Date().toISOString(),
  };
  writeEngineManifest(dataRoot, { ...readEngineManifest(dataRoot), custom });
  return custom;
}

/** Forget the hand-installed binary; returns whether one was set. */
export function clearCustomEngine(dataRoot: string): boolean {
  const { custom, ...rest } = readEngineManifest(dataRoot);
  if (custom) writeEngineManifest(dataRoot, rest);
  return custom !== undefined;
}

/** The channel when none is asked for: the active install's, else testnet for the test network, else mainnet. */
export function defaultEngineChannel(dataRoot: string, network: string): EngineChannel {
  return readEngineManifest(dataRoot).active?.channel ?? (network === 'test' ? 'testnet' : 'mainnet');
}

export interface UpdateCheck {
  channel: EngineChannel;
  installed: { tag: string; sha256: string } | null;
  latest: { tag: string; sha256: string | null; publishedAt: string | null };
  /** True when `latest` is newer (mainnet: higher version; testnet: a different build of the newest tag). */
  available: boolean;
}

/**
 * The newest release of `channel` against the active install (of that channel). Reads the release's
 * SHA256SUMS without verifying it: this only informs; installing verifies everything.
 */
export async function checkForUpdate(options: {
  dataRoot: string;
  channel: EngineChannel;
  apiBase?: string;
  support?: EngineSupport;
  signal?: AbortSignal;
}): Promise<UpdateCheck> {
  const support = options.support ?? engineSupport();
  if (!support.supported) throw new UnsupportedPlatformError(support.reason);
  const releases = await listReleases(options.apiBase ?? releasesApi(), { signal: options.signal });
  const latest = selectRelease(releases, options.channel);
  const sumsAsset = latest.assets.find((a) => a.name === 'SHA256SUMS');
  const sha256 = sumsAsset
    ? sha256ForAsset(
        (await fetchSmallAsset(sumsAsset, 1024 * 1024, options.signal)).toString('utf8'),
        support.asset,
      )
    : null;
  const active = readEngineManifest(options.dataRoot).active;
  const installed = active?.channel === options.channel ? { tag: active.tag, sha256: active.sha256 } : null;
  const available =
    installed === null
      ? true
      : options.channel === 'mainnet'
        ? compareSemverTags(latest.tag_name, installed.tag) > 0
        : latest.tag_name !== installed.tag || (sha256 !== null && sha256 !== installed.sha256);
  return {
    channel: options.channel,
    installed,
    latest: { tag: latest.tag_name, sha256, publishedAt: latest.published_at },
    available,
  };
}
