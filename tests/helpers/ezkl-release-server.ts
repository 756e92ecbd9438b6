/**
 * A stand-in ezkl release for installer tests: an archive holding a shell-script `ezkl` that prints
 * its version (serve it with `startFileServer`), and a release table that pins it for this platform.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { platformKey, type EzklRelease } from '../../core/provers/ezkl/release.js';

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** A .tar.gz whose top-level `ezkl` is a script printing "ezkl <version>" (made with the system tar). */
export function standinEzklArchive(version = '22.0.1'): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'sn2-ezkl-standin-'));
  const exe = join(dir, 'ezkl');
  // Padding makes the archive big enough for an interrupted download to be cut mid-way.
  const padding = Array.from(
    { length: 2000 },
    (_, i) => `# ${createHash('sha256').update(String(i)).digest('hex')}`,
  );
  writeFileSync(exe, `#!/bin/sh\necho "ezkl ${version}"\nexit 0\n${padding.join('\n')}\n`);
  chmodSync(exe, 0o755);
  const archive = join(dir, 'ezkl.tar.gz');
  execFileSync('tar', ['-czf', archive, '-C', dir, 'ezkl']);
  return readFileSync(archive);
}

/** A release table with one asset for this machine's platform. */
export function releaseFor(url: string, pinnedSha256: string | null, version = '22.0.1'): EzklRelease {
  return {
    tool: 'ezkl',
    version,
    release: 'https://example.invalid/ezkl',
    assets: { [platformKey()]: { url, sha256: pinnedSha256, maxBytes: 16 * 1024 * 1024 } },
  };
}

/** Write a release table to a temp file (for `SN2_EZKL_RELEASE`). */
export function writeReleaseFile(release: EzklRelease): string {
  const dir = mkdtempSync(join(tmpdir(), 'sn2-ezkl-release-'));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'ezkl.json');
  writeFileSync(file, JSON.stringify(release, null, 2));
  return file;
}
