/**
 * `npm run dist:check [-- --skip-build] [--tar] [--project DIR]`: packages the app for Linux x64 with a stand-in
 * Electron (no Electron binary can be downloaded here) and verifies what a release would ship:
 * asar contents, unpacked native files, the bundled prover worker and the bundled rapidsnark (both must
 * prove a verifying proof), size against the budget, and the update feed config.
 * Exits non-zero with one line per problem.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readAsarEntries } from './packaging/asar-inventory.js';
import { loadBuilderConfig } from './packaging/builder-config.js';
import { buildForCheck, type CheckTarget } from './packaging/build-for-check.js';
import { checkBundledWorker } from './packaging/bundled-worker.js';
import { bundleRapidsnark, checkBundledRapidsnark } from './packaging/rapidsnark.js';
import {
  checkPackageContents,
  packageOf,
  requiredPackages,
  selfRelativePaths,
} from './packaging/package-rules.js';
import { directoryBytes, largestGroups, mib } from './packaging/size-report.js';
import { CORE_PROCESS_BUNDLE, processSplitProblems } from './packaging/process-split.js';
import { createStandInElectron } from './packaging/stand-in-electron.js';
import { appUpdateMismatches, parseAppUpdate } from './packaging/update-feed.js';

/** Budget for the installed app's own payload (app.asar + app.asar.unpacked), Linux x64. */
const SIZE_BUDGET_BYTES = 300 * 2 ** 20;
/** Mirrors the `!**\/node_modules/{tsx,esbuild,@esbuild,onnxruntime-node}/**` pattern of electron-builder.yml. */
const isExcludedFromApp = (pkg: string): boolean =>
  pkg === 'tsx' || pkg === 'esbuild' || pkg.startsWith('@esbuild/') || pkg === 'onnxruntime-node';

let root = resolve(import.meta.dirname, '..');
const SEVEN_ZIP = '/usr/bin/7za';

async function filesUnder(dir: string, keep: (rel: string) => boolean): Promise<string[]> {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  const out: string[] = [];
  for (const entry of await readdir(abs, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const rel = relative(root, join(entry.parentPath, entry.name)).split('\\').join('/');
    if (keep(rel)) out.push(rel);
  }
  return out.sort();
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (result.error) throw result.error;
  return result.stdout;
}

function productionPackages(): Set<string> {
  // `npm ls` exits non-zero on harmless tree warnings; its listing is still complete.
  const lines = run('npm', ['ls', '--omit=dev', '--all', '--parseable']).split('\n').filter(Boolean);
  const names = new Set<string>();
  for (const line of lines) {
    const pkg = packageOf(`${relative(root, line).split('\\').join('/')}/package.json`);
    if (pkg) names.add(pkg);
  }
  return names;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'skip-build': { type: 'boolean' }, tar: { type: 'boolean' }, project: { type: 'string' } },
  });
  if (values.project) root = resolve(values.project);
  const started = Date.now();
  const config = await loadBuilderConfig(root);
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    main: string;
    scripts?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };

  if (!values['skip-build']) {
    if (!pkg.scripts?.build)
      throw new Error('package.json has no "build" script to produce dist/ and dist-electron/');
    console.log('• building the app (npm run build)');
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status})`);
  }
  if (!existsSync(join(root, pkg.main))) throw new Error(`${pkg.main} is missing: run npm run build first`);

  const targets: CheckTarget[] = ['dir'];
  if (values.tar) {
    if (!existsSync(SEVEN_ZIP)) throw new Error(`${SEVEN_ZIP} is missing: apt-get install p7zip-full`);
    process.env.ELECTRON_BUILDER_7ZIP_PATH ??= SEVEN_ZIP;
    targets.push('tar.gz');
  }
  const electronVersion = (
    JSON.parse(await readFile(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  console.log(`• rapidsnark prover for the Linux package → ${relative(root, bundleRapidsnark(root))}`);
  const outputDir = join(root, 'release', 'dist-check');
  const electronDist = await createStandInElectron(
    join(root, '.cache', 'stand-in-electron'),
    electronVersion,
  );
  console.log(`• electron-builder --linux ${targets.join(' ')} (stand-in Electron ${electronVersion})`);
  const artifacts = await buildForCheck({
    projectDir: root,
    outputDir,
    electronDist,
    electronVersion,
    targets,
  });
  const packedAt = Date.now();

  const appDir = join(outputDir, 'linux-unpacked');
  const resourcesDir = join(appDir, 'resources');
  const problems: string[] = [];
  const executable = String(config.linux.executableName);
  if (!existsSync(join(appDir, executable))) problems.push(`executable ${executable} missing from ${appDir}`);

  problems.push(...(await checkBundledWorker(root)));
  problems.push(...(await checkBundledRapidsnark(join(resourcesDir, 'app.asar.unpacked'), root)));

  const entries = readAsarEntries(join(resourcesDir, 'app.asar'));
  const mainBundle = await readFile(join(root, pkg.main), 'utf8');
  const coreFile = join(root, CORE_PROCESS_BUNDLE);
  const coreBundle = existsSync(coreFile) ? await readFile(coreFile, 'utf8') : null;
  problems.push(...processSplitProblems(mainBundle, coreBundle));
  // Both bundles sit in dist-electron/: what either requires or reads beside itself must be packed.
  const bundles = `${mainBundle}\n${coreBundle ?? ''}`;
  const production = productionPackages();
  problems.push(
    ...checkPackageContents(entries, {
      main: pkg.main,
      appBuildFiles: await filesUnder('dist', () => true).then(async (d) => [
        ...d,
        ...(await filesUnder('dist-electron', (f) => !f.endsWith('.map'))),
      ]),
      manifests: await filesUnder('deployment_layer', (f) => f.endsWith('.json')),
      practiceCircuitFiles: await filesUnder('resources/practice-circuit', (f) => !f.endsWith('.ptau')),
      productionPackages: production,
      devDependencies: new Set(Object.keys(pkg.devDependencies ?? {}).filter((d) => !production.has(d))),
      excludedPackages: new Set([...production].filter(isExcludedFromApp)),
      mainBundleRequires: requiredPackages(bundles),
      mainBundleRelativeFiles: selfRelativePaths(bundles),
      platform: 'linux',
      arch: 'x64',
    }),
  );

  const appUpdateFile = join(resourcesDir, 'app-update.yml');
  if (!existsSync(appUpdateFile))
    problems.push('resources/app-update.yml missing: auto-update would never find a feed');
  else {
    const feed = parseAppUpdate(await readFile(appUpdateFile, 'utf8'));
    problems.push(
      ...appUpdateMismatches(feed, config.publish[0], pkg.name).map((p) => `app-update.yml: ${p}`),
    );
    const where = feed.provider === 'github' ? `github ${feed.owner}/${feed.repo}` : `generic ${feed.url}`;
    console.log(`• update feed: ${where} (cache ${feed.updaterCacheDirName})`);
  }

  const asarBytes = (await stat(join(resourcesDir, 'app.asar'))).size;
  const unpackedDir = join(resourcesDir, 'app.asar.unpacked');
  const unpackedBytes = existsSync(unpackedDir) ? await directoryBytes(unpackedDir) : 0;
  const total = asarBytes + unpackedBytes;
  console.log(
    `• ${entries.length} files (${entries.filter((e) => e.unpacked).length} unpacked); ` +
      `app.asar ${mib(asarBytes)} + unpacked ${mib(unpackedBytes)} = ${mib(total)} of a ${mib(SIZE_BUDGET_BYTES)} budget`,
  );
  console.log(
    '  largest: ' +
      largestGroups(entries, 8)
        .map((g) => `${g.group} ${mib(g.bytes)}`)
        .join(', '),
  );
  for (const artifact of artifacts.filter((a) => a.endsWith('.tar.gz'))) {
    console.log(`• ${relative(root, artifact)}: ${mib((await stat(artifact)).size)} (store compression)`);
  }
  if (total > SIZE_BUDGET_BYTES)
    problems.push(`app payload ${mib(total)} exceeds the ${mib(SIZE_BUDGET_BYTES)} budget`);

  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const packSeconds = ((packedAt - started) / 1000).toFixed(0);
  if (problems.length) {
    for (const p of problems) console.error(`✗ ${p}`);
    throw new Error(`dist:check found ${problems.length} problem(s) (${seconds} s)`);
  }
  console.log(`✓ dist:check passed in ${seconds} s (build + pack ${packSeconds} s)`);
}

main().catch((err: unknown) => {
  console.error(`dist:check: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
