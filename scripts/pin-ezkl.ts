/**
 * `npm run pin:ezkl [-- --release FILE] [--check]`: fills in the SHA-256 of every ezkl release archive
 * in the table (`deployment_layer/tools/ezkl.json` by default) so the app may install it. Run it on a
 * machine that reaches the release host, review the diff, and commit it. Each archive is downloaded,
 * must hold a top-level `ezkl` executable, and is hashed; an archive already pinned must still match
 * (a changed upstream file stops everything and leaves the table untouched). `--check` downloads
 * nothing and fails when an asset is unpinned (a release gate).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { downloadFile } from '../core/util/download.js';
import { DEFAULT_EZKL_RELEASE_FILE, loadEzklRelease } from '../core/provers/ezkl/release.js';
import { extractTarGzEntry } from '../core/provers/ezkl/tar-gz.js';
import { writeFileAtomic } from '../core/util/atomic-file.js';

const MiB = 1024 * 1024;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { release: { type: 'string', default: DEFAULT_EZKL_RELEASE_FILE }, check: { type: 'boolean' } },
  });
  const file = values.release as string;
  const release = loadEzklRelease(file);
  const unpinned = Object.entries(release.assets).filter(([, a]) => !a.sha256);

  if (values.check) {
    for (const [key] of unpinned) console.error(`✗ ezkl ${release.version} for ${key} has no pinned sha256`);
    if (unpinned.length) throw new Error(`run "npm run pin:ezkl" on a machine that reaches the release host`);
    console.log(
      `✓ every ezkl ${release.version} archive is pinned (${Object.keys(release.assets).join(', ')})`,
    );
    return;
  }

  const work = mkdtempSync(join(tmpdir(), 'sn2-pin-ezkl-'));
  try {
    const pinned: typeof release.assets = {};
    for (const [key, asset] of Object.entries(release.assets)) {
      const archive = join(work, `${key}.tar.gz`);
      let shown = 0;
      const got = await downloadFile(asset.url, archive, {
        maxBytes: asset.maxBytes,
        onProgress: (p) => {
          if (p.done - shown >= 16 * MiB) {
            shown = p.done;
            process.stderr.write(`  ${key}: ${(p.done / MiB).toFixed(0)} MiB\n`);
          }
        },
      });
      await extractTarGzEntry(archive, ['ezkl', 'ezkl.exe'], join(work, `${key}.exe`), {
        maxBytes: asset.maxBytes * 8,
      });
      if (asset.sha256 && asset.sha256 !== got.sha256)
        throw new Error(
          `${key}: ${asset.url} changed upstream (pinned ${asset.sha256}, now ${got.sha256}); the table is unchanged`,
        );
      console.log(`${asset.sha256 ? '=' : '+'} ${key}  ${got.sha256}  ${(got.bytes / MiB).toFixed(1)} MiB`);
      pinned[key] = { ...asset, sha256: got.sha256 };
    }
    writeFileAtomic(file, `${JSON.stringify({ ...release, assets: pinned }, null, 2)}\n`, 0o644);
    console.log(
      `✓ ${file}: ${unpinned.length} newly pinned, ${Object.keys(pinned).length - unpinned.length} unchanged`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`pin:ezkl: ${(err as Error).message}`);
  process.exit(1);
});
