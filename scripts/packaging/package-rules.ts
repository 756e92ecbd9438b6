import { isBuiltin } from 'node:module';
import { posix } from 'node:path';
import type { AsarEntry } from './asar-inventory.js';

/** What the packaged app must and must not contain, given facts gathered from the project. */
export interface PackageFacts {
  /** package.json "main", relative to the app root. */
  main: string;
  /** Files the app build produced (dist/**, dist-electron/**, no source maps). */
  appBuildFiles: string[];
  /** deployment_layer manifests in the repository. */
  manifests: string[];
  /** Practice circuit artefacts that must ship (unpacked: snarkjs workers read them from disk). */
  practiceCircuitFiles: string[];
  /** Names of every package in the production dependency tree. */
  productionPackages: ReadonlySet<string>;
  /** devDependencies of package.json (reported by name when one leaks into the app). */
  devDependencies: ReadonlySet<string>;
  /** Production packages deliberately left out of the desktop app (see electron-builder.yml). */
  excludedPackages: ReadonlySet<string>;
  /** Bare module names the main bundle requires at run time. */
  mainBundleRequires: ReadonlySet<string>;
  /** Relative paths the main bundle resolves against its own location (`new URL(rel, <bundle url>)`). */
  mainBundleRelativeFiles: ReadonlySet<string>;
  platform: NodeJS.Platform;
  arch: string;
}

/** Top-level folders a packaged app may hold; anything else (sources, tests, configs) is a leak. */
export const ALLOWED_ROOTS = [
  'package.json',
  'dist/',
  'dist-electron/',
  'deployment_layer/',
  'resources/practice-circuit/',
  'resources/bin/',
  'node_modules/',
] as const;

/** The package a node_modules path belongs to (the innermost one for nested node_modules). */
export function packageOf(path: string): string | null {
  const parts = path.split('/');
  let name: string | null = null;
  for (let i = 0; i < parts.length - 1; i++) {
    if (parts[i] !== 'node_modules') continue;
    const scoped = parts[i + 1].startsWith('@');
    if (i + (scoped ? 2 : 1) >= parts.length - 1) break; // a file directly in node_modules/ or @scope/
    name = scoped ? `${parts[i + 1]}/${parts[i + 2]}` : parts[i + 1];
    i += scoped ? 2 : 1;
  }
  return name;
}

/** Files that may sit under an allowed root but must never ship. */
const FORBIDDEN_FILES: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  { pattern: /\.ptau$/, why: 'powers of tau are for the trusted setup only' },
  { pattern: /^dist-electron\/.*\.map$/, why: 'main-process source maps are not shipped' },
  { pattern: /^(?!node_modules\/).*\.(test|spec)\.[cm]?[jt]sx?$/, why: 'test file' },
];

export function checkPackageContents(entries: readonly AsarEntry[], facts: PackageFacts): string[] {
  const problems: string[] = [];
  const byPath = new Map(entries.map((e) => [e.path, e]));

  const require = (path: string, what: string, unpacked = false): void => {
    const entry = byPath.get(path);
    if (!entry) problems.push(`missing ${what}: ${path}`);
    else if (unpacked && !entry.unpacked) problems.push(`${what} must be unpacked (asarUnpack): ${path}`);
  };
  require('package.json', 'package.json');
  require(facts.main, 'main-process entry (package.json "main")');
  if (!facts.appBuildFiles.some((f) => f === 'dist/index.html'))
    problems.push('the app build has no dist/index.html');
  for (const file of facts.appBuildFiles) require(file, 'app build file');
  if (facts.manifests.length === 0) problems.push('no deployment_layer manifests found in the repository');
  for (const file of facts.manifests) require(file, 'circuit manifest');
  if (facts.practiceCircuitFiles.length === 0) problems.push('no practice circuit artefacts found');
  for (const file of facts.practiceCircuitFiles) require(file, 'practice circuit artefact', true);

  const leakedRoots = new Set<string>();
  const unexpectedPackages = new Set<string>();
  for (const entry of entries) {
    if (
      !ALLOWED_ROOTS.some(
        (root) => entry.path === root || (root.endsWith('/') && entry.path.startsWith(root)),
      )
    ) {
      leakedRoots.add(entry.path.split('/')[0]);
    }
    for (const { pattern, why } of FORBIDDEN_FILES) {
      if (pattern.test(entry.path)) problems.push(`${entry.path} packed (${why})`);
    }
    if (entry.path.endsWith('.node') && !entry.unpacked)
      problems.push(`native addon inside the asar: ${entry.path}`);
    const pkg = packageOf(entry.path);
    if (pkg && !facts.productionPackages.has(pkg)) unexpectedPackages.add(pkg);
    if (pkg && facts.excludedPackages.has(pkg)) unexpectedPackages.add(pkg);
  }
  for (const root of leakedRoots) problems.push(`unexpected top-level entry packed: ${root}`);
  for (const pkg of unexpectedPackages) {
    if (facts.devDependencies.has(pkg)) problems.push(`devDependency packed: ${pkg}`);
    else if (facts.excludedPackages.has(pkg))
      problems.push(`package excluded from the app was packed: ${pkg}`);
    else problems.push(`package outside the production dependency tree packed: ${pkg}`);
  }
  const dirs = new Set(entries.flatMap((e) => e.path.split('/').map((_, i, a) => a.slice(0, i).join('/'))));
  for (const rel of facts.mainBundleRelativeFiles) {
    const target = posix.normalize(posix.join(posix.dirname(facts.main), rel)).replace(/\/$/, '');
    if (target.startsWith('..')) {
      problems.push(`the main bundle reads ${rel} relative to itself: that is outside the app (${target})`);
    } else if (!byPath.has(target) && !dirs.has(target)) {
      problems.push(`the main bundle reads ${rel} relative to itself, but ${target} is not packed`);
    }
  }
  for (const pkg of facts.mainBundleRequires) {
    if (facts.excludedPackages.has(pkg)) {
      problems.push(`the main bundle requires ${pkg}, which electron-builder.yml leaves out of the app`);
    } else if (pkg !== 'electron' && !isBuiltin(pkg) && !byPath.has(`node_modules/${pkg}/package.json`)) {
      problems.push(`the main bundle requires ${pkg}, which is not packed (add it to "dependencies")`);
    }
  }
  return problems;
}

/** Bare package names a CommonJS bundle requires (`require("x")`, `require('@s/y/sub')`). */
export function requiredPackages(bundle: string): Set<string> {
  const out = new Set<string>();
  for (const match of bundle.matchAll(/\brequire\(\s*["']([^"'./][^"']*)["']\s*\)/g)) {
    const spec = match[1];
    if (spec.startsWith('node:')) continue;
    const parts = spec.split('/');
    out.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
  }
  return out;
}

/**
 * Paths a CommonJS bundle resolves against its own file, as Vite/Rollup compile
 * `new URL('../x', import.meta.url)`: `new URL("../x", require("url").pathToFileURL(__filename).href)`.
 * In a packaged app they must point inside the asar.
 */
export function selfRelativePaths(bundle: string): Set<string> {
  const out = new Set<string>();
  const pattern =
    /new URL\(\s*["']([^"':]+)["']\s*,\s*require\(["']url["']\)\.pathToFileURL\(__filename\)\.href\s*\)/g;
  for (const match of bundle.matchAll(pattern)) out.add(match[1]);
  return out;
}
