/**
 * `npm run dist [-- <electron-builder args>]`: builds the installers for the current OS with
 * electron-builder.yml, says whether they are signed/notarised, then checks the update feed files a
 * release must upload. Publishing is off unless `--publish always|onTag|onTagOrDraft` is passed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadBuilderConfig } from './packaging/builder-config.js';
import { osOf, signingStatus } from './packaging/signing.js';
import { verifyReleaseFolder } from './packaging/update-feed.js';
import { loadEzklRelease } from '../core/provers/ezkl/release.js';
import { bundleRapidsnark } from './packaging/rapidsnark.js';

const root = resolve(import.meta.dirname, '..');

function npmRun(script: string, env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync('npm', ['run', script], { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`npm run ${script} failed (exit ${result.status})`);
}

async function main(): Promise<void> {
  const passThrough = process.argv.slice(2);
  const os = osOf(process.platform);
  const config = await loadBuilderConfig(root);
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
  const signing = signingStatus(process.env, os);
  console.log(`• ${config.productName} ${version} for ${os}: ${signing.summary}`);
  if (signing.incomplete.length)
    throw new Error('fix the signing variables above, or unset them to build unsigned');

  const publishing = passThrough.some((a) => a === '--publish' || a.startsWith('--publish=') || a === '-p');
  const ezkl = loadEzklRelease();
  const unpinned = Object.keys(ezkl.assets).filter((key) => !ezkl.assets[key].sha256);
  if (unpinned.length) {
    const note = `ezkl ${ezkl.version} is not pinned for ${unpinned.join(', ')}: users there cannot install it from the app (run "npm run pin:ezkl")`;
    if (publishing) throw new Error(note);
    console.warn(`! ${note}`);
  }

  npmRun('build');
  if (os === 'linux' && process.arch === 'x64')
    console.log(`• rapidsnark prover bundled from ${bundleRapidsnark(root)}`);
  else
    console.warn(
      `! no rapidsnark is built for ${process.platform}-${process.arch} here: put the one from .github/workflows/rapidsnark.yml in resources/bin/${process.platform}-${process.arch}/ (users can also run "sn2 provers use rapidsnark PATH")`,
    );
  const args = [`--${os}`, ...passThrough];
  if (!publishing) args.push('--publish', 'never');
  const builder = join(
    root,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder',
  );
  const result = spawnSync(builder, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...signing.extraEnv },
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) throw new Error(`electron-builder failed (exit ${result.status})`);

  // With explicit targets (`-- --dir`, `-- tar.gz`) there may be no update feed to check.
  const narrowed = passThrough.some((a) => !a.startsWith('-')) || passThrough.includes('--dir');
  const output = join(root, config.directories.output);
  if (existsSync(output) && !narrowed) {
    const feed = await verifyReleaseFolder(output, version);
    for (const p of feed.problems) console.error(`✗ ${p}`);
    if (feed.problems.length) throw new Error('the release folder is not publishable');
    console.log(`• update feed files to upload with the installers:\n  ${feed.assets.join('\n  ')}`);
  }
  console.log(`✓ ${signing.signWith || os === 'linux' ? 'built' : 'built UNSIGNED'}: ${signing.summary}`);
}

main().catch((err: unknown) => {
  console.error(`dist: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
