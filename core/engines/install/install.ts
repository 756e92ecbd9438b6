/**
 * Installs an official sn2-miner release (spec sn2-2026.md §2.1–2.3):
 *
 *   const { installed } = await installEngine({ dataRoot, channel: 'mainnet', onProgress });
 *
 * 1. pick the release of the channel (or `tag`) and this platform's asset; refuse where upstream builds none;
 * 2. fetch SHA256SUMS and SHA256SUMS.sigstore.json and verify the bundle over SHA256SUMS (signature.ts);
 * 3. take the asset's hash from SHA256SUMS and download the asset against it (resumable `.part`);
 * 4. chmod 0755, smoke-test `--help`, read its version (probe-binary.ts);
 * 5. rename it into engines/sn2-miner/<dir>/sn2-miner, then (unless `activate: false`) make it the
 *    active engine in the manifest, keeping the one it replaces as `previous` for rollback.
 * A kill at any moment leaves the manifest pointing at complete, verified binaries (plus a resumable part).
 */
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { downloadFile } from '../../util/download.js';
import { ChecksumMismatchError } from '../../util/download-errors.js';
import { fsyncDir } from '../../util/atomic-file.js';
import { engineDir, type EngineChannel, type InstalledEngine } from '../installed-engine.js';
import { activateEngine } from './activate.js';
import { ReleaseVerificationError, UnsupportedPlatformError } from './errors.js';
import { engineSupport, type EngineSupport } from './platform.js';
import { probeBinary } from './probe-binary.js';
import { fetchSmallAsset, listReleases, releasesApi, selectRelease, type Release } from './releases.js';
import { sha256ForAsset } from './sha256sums.js';
import { verifySha256SumsSignature, type SignatureCheck } from './signature.js';
import { trustFromEnv, type SigstoreTrustSource } from './sigstore-trust.js';

export const ENGINE_BINARY = 'sn2-miner';
const SUMS = 'SHA256SUMS';
const BUNDLE = 'SHA256SUMS.sigstore.json';
/** The official miner is tens of MB; this bounds what a hostile server can make us write. */
const MAX_ENGINE_BYTES = 1024 * 1024 * 1024;
const MAX_SMALL_FILE = 1024 * 1024;

export interface EngineInstallProgress {
  stage: 'release' | 'signature' | 'download' | 'check' | 'place';
  /** Bytes downloaded so far (stage "download"), else steps. */
  done: number;
  total?: number;
}

export interface InstallEngineOptions {
  dataRoot: string;
  channel: EngineChannel;
  /** A specific release of the channel; default its newest. */
  tag?: string;
  /** GitHub API base of the upstream repository (default `releasesApi()`). */
  apiBase?: string;
  /** Where the Sigstore trusted root comes from (default `trustFromEnv`: the public-good instance through TUF). */
  trust?: SigstoreTrustSource;
  support?: EngineSupport;
  /** False: install and verify beside the active engine without switching to it (see activate.ts). */
  activate?: boolean;
  onProgress?: (p: EngineInstallProgress) => void;
  signal?: AbortSignal;
}

export interface InstallResult {
  installed: InstalledEngine;
  /** What was active before (now `previous` in the manifest when activated). */
  replaced?: InstalledEngine;
  signature: SignatureCheck;
  /** Bytes reused from an interrupted earlier download. */
  resumedFrom: number;
}

export const sigstoreCacheDir = (dataRoot: string): string => join(dataRoot, 'engines', 'sigstore-tuf');

export async function installEngine(options: InstallEngineOptions): Promise<InstallResult> {
  const support = options.support ?? engineSupport();
  if (!support.supported) throw new UnsupportedPlatformError(support.reason);
  const progress = options.onProgress ?? (() => undefined);

  progress({ stage: 'release', done: 0, total: 1 });
  const releases = await listReleases(options.apiBase ?? releasesApi(), { signal: options.signal });
  const release = selectRelease(releases, options.channel, options.tag);
  const tag = release.tag_name;
  const asset = findAsset(release, support.asset);
  const sumsAsset = findAsset(release, SUMS);
  const bundleAsset = release.assets.find((a) => a.name === BUNDLE);
  if (!bundleAsset) {
    const legacy = release.assets.some((a) => a.name === `${SUMS}.sig`);
    throw new ReleaseVerificationError(
      `release ${tag} has no ${BUNDLE}${legacy ? ` (only ${SUMS}.sig/.pem, an older signing form the app does not accept)` : ''}: it cannot be verified, so it is not installed`,
    );
  }
  progress({ stage: 'release', done: 1, total: 1 });

  progress({ stage: 'signature', done: 0, total: 1 });
  const [sums, bundleJson] = await Promise.all([
    fetchSmallAsset(sumsAsset, MAX_SMALL_FILE, options.signal),
    fetchSmallAsset(bundleAsset, MAX_SMALL_FILE, options.signal),
  ]);
  const trust = await (options.trust ?? trustFromEnv(sigstoreCacheDir(options.dataRoot)))();
  const signature = verifySha256SumsSignature({ bundleJson, sha256sums: sums, tag, trust });
  const sha256 = sha256ForAsset(sums.toString('utf8'), support.asset);
  if (!sha256)
    throw new ReleaseVerificationError(
      `${SUMS} of release ${tag} has no valid line for ${support.asset}: nothing was installed`,
    );
  progress({ stage: 'signature', done: 1, total: 1 });

  const root = engineDir(options.dataRoot);
  const staging = join(root, '.staging');
  const staged = join(staging, `${support.asset}-${sha256.slice(0, 12)}`);
  let resumedFrom = 0;
  try {
    const result = await downloadFile(asset.browser_download_url, staged, {
      sha256,
      expectedBytes: asset.size || null,
      maxBytes: MAX_ENGINE_BYTES,
      signal: options.signal,
      onProgress: (p) => progress({ stage: 'download', done: p.done, total: p.total }),
    });
    resumedFrom = result.resumedFrom;
  } catch (err) {
    if (err instanceof ChecksumMismatchError)
      throw new ReleaseVerificationError(
        `${support.asset} of release ${tag} does not match its signed ${SUMS} (sha256 ${err.actual}, expected ${sha256}): it was deleted and nothing was installed`,
      );
    throw err;
  }

  progress({ stage: 'check', done: 0, total: 1 });
  chmodSync(staged, 0o755);
  let report;
  try {
    report = await probeBinary(staged);
  } catch (err) {
    rmSync(staged, { force: true });
    throw err;
  }
  progress({ stage: 'check', done: 1, total: 1 });

  progress({ stage: 'place', done: 0, total: 1 });
  const dir = join(root, options.channel === 'mainnet' ? tag : `${tag}-${sha256.slice(0, 12)}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, ENGINE_BINARY);
  renameSync(staged, path);
  fsyncDir(dir);
  if (existsSync(staging)) fsyncDir(staging);
  const installed: InstalledEngine = {
    channel: options.channel,
    tag,
    asset: support.asset,
    sha256,
    path,
    verifiedAt: new Date().toISOString(),
    version: report.version,
    multiMiner: report.multiMiner,
  };
  const replaced = options.activate === false ? undefined : activateEngine(options.dataRoot, installed);
  progress({ stage: 'place', done: 1, total: 1 });
  return { installed, ...(replaced ? { replaced } : {}), signature, resumedFrom };
}

function findAsset(release: Release, name: string) {
  const asset = release.assets.find((a) => a.name === name);
  if (!asset)
    throw new ReleaseVerificationError(`release ${release.tag_name} has no ${name}: nothing was installed`);
  return asset;
}
