import { describe, expect, it } from 'vitest';
import type { AsarEntry } from '../../../scripts/packaging/asar-inventory.js';
import {
  checkPackageContents,
  packageOf,
  requiredPackages,
  selfRelativePaths,
  type PackageFacts,
} from '../../../scripts/packaging/package-rules.js';

const facts: PackageFacts = {
  main: 'dist-electron/main.cjs',
  appBuildFiles: [
    'dist/index.html',
    'dist/assets/index-abc.js',
    'dist-electron/main.cjs',
    'dist-electron/preload.cjs',
  ],
  manifests: ['deployment_layer/model_1/metadata.json'],
  practiceCircuitFiles: ['resources/practice-circuit/circuit.zkey'],
  productionPackages: new Set(['snarkjs', '@polkadot/api', 'onnxruntime-node', 'tsx', 'esbuild']),
  devDependencies: new Set(['vitest', 'electron']),
  excludedPackages: new Set(['tsx', 'esbuild', 'onnxruntime-node']),
  mainBundleRequires: new Set(['snarkjs', 'electron', 'fs', 'worker_threads']),
  mainBundleRelativeFiles: new Set(['../package.json', '../deployment_layer/']),
  platform: 'linux',
  arch: 'x64',
};

const file = (path: string, unpacked = false): AsarEntry => ({ path, size: 10, unpacked });
const good: AsarEntry[] = [
  file('package.json'),
  ...facts.appBuildFiles.map((p) => file(p)),
  file('deployment_layer/model_1/metadata.json'),
  file('resources/practice-circuit/circuit.zkey', true),
  file('node_modules/snarkjs/package.json'),
  file('node_modules/snarkjs/build/main.cjs'),
  file('node_modules/@polkadot/api/cjs/index.js'),
];

describe('checkPackageContents', () => {
  it('accepts a complete, production-only app', () => {
    expect(checkPackageContents(good, facts)).toEqual([]);
  });

  it('names every leak and every missing piece', () => {
    const bad = [
      ...good.filter(
        (e) => !e.path.startsWith('dist/assets/') && !e.path.startsWith('resources/practice-circuit/'),
      ),
      file('resources/practice-circuit/circuit.zkey', false),
      file('core/service/core-service.ts'),
      file('tests/unit/x.test.ts'),
      file('dist/app.spec.js'),
      file('resources/practice-circuit/pot11_final.ptau', true),
      file('node_modules/vitest/dist/index.js'),
      file('node_modules/tsx/dist/cli.mjs'),
      file('node_modules/left-pad/index.js'),
      file('node_modules/onnxruntime-node/bin/napi-v6/darwin/arm64/onnxruntime_binding.node', true),
      file('node_modules/sqlite3/build/Release/node_sqlite3.node', false),
    ];
    expect(
      checkPackageContents(bad, {
        ...facts,
        mainBundleRequires: new Set(['tsx', 'vite']),
        mainBundleRelativeFiles: new Set(['../../package.json', '../x.json']),
      }).sort(),
    ).toEqual(
      [
        'missing app build file: dist/assets/index-abc.js',
        'practice circuit artefact must be unpacked (asarUnpack): resources/practice-circuit/circuit.zkey',
        'unexpected top-level entry packed: core',
        'unexpected top-level entry packed: tests',
        'tests/unit/x.test.ts packed (test file)',
        'dist/app.spec.js packed (test file)',
        'resources/practice-circuit/pot11_final.ptau packed (powers of tau are for the trusted setup only)',
        'devDependency packed: vitest',
        'package excluded from the app was packed: tsx',
        'package outside the production dependency tree packed: left-pad',
        'package outside the production dependency tree packed: sqlite3',
        'package excluded from the app was packed: onnxruntime-node',
        'native addon inside the asar: node_modules/sqlite3/build/Release/node_sqlite3.node',
        'the main bundle requires tsx, which electron-builder.yml leaves out of the app',
        'the main bundle requires vite, which is not packed (add it to "dependencies")',
        'the main bundle reads ../../package.json relative to itself: that is outside the app (../package.json)',
        'the main bundle reads ../x.json relative to itself, but x.json is not packed',
      ].sort(),
    );
  });

  it('fails when the repository has no manifests or practice circuit to ship', () => {
    expect(checkPackageContents(good, { ...facts, manifests: [], practiceCircuitFiles: [] })).toEqual([
      'no deployment_layer manifests found in the repository',
      'no practice circuit artefacts found',
    ]);
  });
});

describe('packageOf / requiredPackages', () => {
  it('finds the innermost package of a node_modules path', () => {
    expect(packageOf('node_modules/snarkjs/build/main.cjs')).toBe('snarkjs');
    expect(packageOf('node_modules/@polkadot/api/cjs/index.js')).toBe('@polkadot/api');
    expect(packageOf('node_modules/a/node_modules/@s/b/x.js')).toBe('@s/b');
    expect(packageOf('node_modules/.package-lock.json')).toBeNull();
    expect(packageOf('dist/index.html')).toBeNull();
  });

  it('finds the files a bundle resolves against its own location', () => {
    const bundle = `var v = JSON.parse(readFileSync(new URL("../../package.json", require("url").pathToFileURL(__filename).href)));
      const d = new URL('../deployment_layer/', require("url").pathToFileURL(__filename).href);
      const abs = new URL("https://example.org/x", require("url").pathToFileURL(__filename).href);`;
    expect([...selfRelativePaths(bundle)]).toEqual(['../../package.json', '../deployment_layer/']);
  });

  it('lists the bare packages a CommonJS bundle requires', () => {
    const bundle = `const a = require("snarkjs"); const b = require('@polkadot/api/augment');
      const c = require("node:path"); const d = require("./local.cjs"); const e = require( "zod" );`;
    expect([...requiredPackages(bundle)].sort()).toEqual(['@polkadot/api', 'snarkjs', 'zod']);
  });
});
