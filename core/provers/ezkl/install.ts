/**
 * Installs the pinned ezkl release into the data folder's bin/ on demand:
 *
 *   const { path } = await installEzkl({ binDir: dataPaths().bin, onProgress });
 *
 * The archive is downloaded with resume and checked against its pinned SHA-256; the executable is
 * taken out of it, must report the pinned version, and only then is renamed into place. A kill at any
 * moment leaves either no ezkl or a complete, checked one (plus a resumable `.part`).
 */
import { existsSync, mkdirSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { downloadFile } from '../../util/download.js';
import { sha256File } from '../../util/sha256-file.js';
import { fsyncDir } from '../../util/atomic-file.js';
import { NativeToolError } from '../errors.js';
import { exeName } from '../native/locate.js';
import { runTool } from '../native/run-tool.js';
import { parseVersion } from '../native/version.js';
import { chooseEzklAsset, loadEzklRelease, platformKey, type EzklRelease } from './release.js';
import { extractTarGzEntry } from './tar-gz.js';

export interface EzklInstallProgress {
  stage: 'download' | 'unpack' | 'check';
  /** Bytes downloaded so far (stage "download"). */
  done: number;
  total?: number;
}

export interface InstallEzklOptions {
  binDir: string;
  release?: EzklRelease;
  onProgress?: (p: EzklInstallProgress) => void;
  signal?: AbortSignal;
}

export interface InstalledEzkl {
  path: string;
  version: string;
  /** SHA-256 of the release archive it came from. */
  sha256: string;
}

/** An executable is a few times its gzip archive; this bounds what an archive may unpack to. */
const MAX_UNPACK_FACTOR = 8;

export async function installEzkl(options: InstallEzklOptions): Promise<InstalledEzkl> {
  const release = options.release ?? loadEzklRelease();
  const choice = chooseEzklAsset(release, platformKey());
  if (!choice.installable) throw new NativeToolError('ezkl', choice.reason);
  const { asset } = choice;
  mkdirSync(options.binDir, { recursive: true, mode: 0o700 });

  const archive = join(options.binDir, `.ezkl-${release.version}-${choice.key}.tar.gz`);
  if (existsSync(archive) && (await sha256File(archive)) !== asset.sha256) unlinkSync(archive);
  if (!existsSync(archive)) {
    await downloadFile(asset.url, archive, {
      sha256: asset.sha256,
      maxBytes: asset.maxBytes,
      signal: options.signal,
      onProgress: (p) => options.onProgress?.({ stage: 'download', done: p.done, total: p.total }),
    });
  }

  // The archive matched its pin; whatever happens next it has served its purpose.
  try {
    const placed = await unpackAndPlace(archive, options, {
      version: release.version,
      maxBytes: asset.maxBytes * MAX_UNPACK_FACTOR,
    });
    return { ...placed, sha256: asset.sha256 };
  } finally {
    rmSync(archive, { force: true });
  }
}

/** Unpack the executable beside its final place, require `expected.version`, then rename it in. */
async function unpackAndPlace(
  archive: string,
  options: InstallEzklOptions,
  expected: { version: string; maxBytes: number },
): Promise<{ path: string; version: string }> {
  const finalPath = join(options.binDir, exeName('ezkl'));
  const staged = `${finalPath}.new`;
  if (existsSync(staged)) unlinkSync(staged);
  options.onProgress?.({ stage: 'unpack', done: 0 });
  await extractTarGzEntry(archive, ['ezkl', 'ezkl.exe'], staged, {
    maxBytes: expected.maxBytes,
    mode: 0o755,
  });

  options.onProgress?.({ stage: 'check', done: 0 });
  let version: string | null;
  try {
    const r = await runTool('ezkl', staged, ['--version'], { timeoutMs: 30_000, signal: options.signal });
    version = parseVersion(`${r.stdout}\n${r.stderr}`);
  } catch (err) {
    unlinkSync(staged);
    throw new NativeToolError('ezkl', `the downloaded ezkl does not run here: ${(err as Error).message}`);
  }
  if (version !== expected.version) {
    unlinkSync(staged);
    throw new NativeToolError(
      'ezkl',
      `the downloaded ezkl reports version ${version ?? 'unknown'}, expected ${expected.version}; nothing was installed`,
    );
  }
  renameSync(staged, finalPath);
  fsyncDir(options.binDir);
  return { path: finalPath, version };
}
