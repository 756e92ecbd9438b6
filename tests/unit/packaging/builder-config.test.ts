import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Stats } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher.js';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
type DebugLogger = Parameters<typeof validateConfiguration>[1];
import type { Configuration } from 'electron-builder';
import yaml from 'js-yaml';
import {
  loadBuilderConfig,
  targetNames,
  type BuilderConfig,
} from '../../../scripts/packaging/builder-config.js';

const root = resolve(import.meta.dirname, '../../..');
let config: BuilderConfig;
beforeAll(async () => {
  config = await loadBuilderConfig(root);
});

const fileStat = { isDirectory: () => false } as Stats;

/**
 * electron-builder's own matcher over `files`, with the macros of one platform/arch expanded. Files
 * of production packages are copied unless a negated pattern excludes them, so node_modules paths
 * are matched against the negations alone (`npm run dist:check` confirms the real result on Linux).
 */
function packs(platform: string, arch: string): (path: string) => boolean {
  const expand = (s: string) => s.replaceAll('${platform}', platform).replaceAll('${arch}', arch);
  const app = new FileMatcher('/app', '/out', expand, config.files).createFilter();
  const negations = ['**/*', ...config.files.filter((p) => p.startsWith('!'))];
  const modules = new FileMatcher('/app', '/out', expand, negations).createFilter();
  return (path) => (path.startsWith('node_modules/') ? modules : app)(`/app/${path}`, fileStat);
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    const raw = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Configuration;
    const logger = { isEnabled: false, add: () => undefined } as unknown as DebugLogger;
    await expect(validateConfiguration(raw, logger)).resolves.toBeUndefined();
  });

  it('builds dmg+zip with hardened runtime on macOS, per-user nsis on Windows, AppImage/deb/tar.gz on Linux', () => {
    expect(targetNames(config.mac.target).sort()).toEqual(['dmg', 'zip']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(targetNames(config.win.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false });
    expect(targetNames(config.linux.target).sort()).toEqual(['AppImage', 'deb', 'tar.gz']);
  });

  it('points at icons and entitlements that exist in the build-resources folder', () => {
    const res = join(root, config.directories.buildResources);
    for (const icon of [config.mac.icon, config.win.icon, join(config.linux.icon, '256x256.png')]) {
      expect(existsSync(join(res, icon)), icon).toBe(true);
    }
    for (const plist of [config.mac.entitlements, config.mac.entitlementsInherit]) {
      const text = readFileSync(join(root, plist), 'utf8');
      expect(text).toContain('<key>com.apple.security.cs.allow-jit</key>');
      expect(text).not.toContain('com.apple.security.get-task-allow'); // debugging entitlement
    }
  });

  it('packs the app build, manifests and practice circuit but no sources, tests or trusted-setup files', () => {
    const linux = packs('linux', 'x64');
    for (const p of [
      'package.json',
      'dist/index.html',
      'dist-electron/main.cjs',
      'deployment_layer/model_abc/metadata.json',
      'resources/practice-circuit/circuit.zkey',
      'resources/bin/linux-x64/icicle-snark',
    ]) {
      expect(linux(p), p).toBe(true);
    }
    for (const p of [
      'core/service/core-service.ts',
      'tests/unit/packaging/builder-config.test.ts',
      'renderer/main.tsx',
      'resources/practice-circuit/pot11_final.ptau',
      'resources/packaging/icon.png',
      'resources/bin/darwin-arm64/icicle-snark',
      'dist-electron/main.cjs.map',
      'node_modules/tsx/dist/cli.mjs',
      'node_modules/@esbuild/linux-x64/bin/esbuild',
    ]) {
      expect(linux(p), p).toBe(false);
    }
  });

  it('leaves onnxruntime-node out: only the sn2 CLI (not in the app) cross-checks EZKL outputs with it', () => {
    const matches = packs('linux', 'x64');
    expect(matches('node_modules/onnxruntime-node/bin/napi-v6/linux/x64/onnxruntime_binding.node')).toBe(
      false,
    );
    expect(matches('node_modules/onnxruntime-node/dist/index.js')).toBe(false);
  });

  it('unpacks native addons, provers and circuit artefacts from the asar', () => {
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['**/*.node', 'resources/bin/**', 'resources/practice-circuit/**']),
    );
  });

  it('publishes to GitHub releases as drafts and derives the channel from the version', () => {
    expect(config.publish[0]).toMatchObject({ provider: 'github', releaseType: 'draft' });
    expect(config.detectUpdateChannel).toBe(true);
    expect(config.artifactName).not.toContain('productName'); // spaces break latest*.yml on GitHub
  });

  it('has the package.json metadata the deb target and update feed need', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author).toMatchObject({ email: expect.stringContaining('@') });
    expect(pkg.main).toMatch(/^dist-electron\//);
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(Object.keys(pkg.dependencies as object)).toContain('electron-updater');
  });
});
