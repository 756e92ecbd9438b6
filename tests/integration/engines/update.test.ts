import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installEngine } from '../../../core/engines/install/install.js';
import { activateEngine, rollbackEngine } from '../../../core/engines/install/activate.js';
import {
  checkForUpdate,
  clearCustomEngine,
  defaultEngineChannel,
  engineStatus,
  useCustomEngine,
  verifyInstalledEngine,
} from '../../../core/engines/install/manage.js';
import { engineSupport } from '../../../core/engines/install/platform.js';
import { engineDir, readEngineManifest } from '../../../core/engines/installed-engine.js';
import { createTestSigstore } from '../../helpers/engines/test-sigstore.js';
import {
  startEngineReleaseServer,
  sha256,
  type EngineReleaseServer,
} from '../../helpers/engines/engine-release-server.js';
import { standinMiner } from '../../helpers/engines/standin-miner.js';
import { STANDIN } from '../../helpers/engine-standin.js';

const sigstore = createTestSigstore();
const trust = async () => ({ trustedRoot: sigstore.trustedRoot, origin: 'test root' });
const linux = engineSupport('linux', 'x64');
let server: EngineReleaseServer;

beforeAll(async () => {
  server = await startEngineReleaseServer(sigstore);
});
afterAll(() => server.close());

const freshRoot = () => mkdtempSync(join(tmpdir(), 'sn2-engine-'));
const common = () => ({ apiBase: server.apiBase, trust, support: linux });

describe('channels, updates and rollback (spec sn2-2026.md §2.2)', () => {
  it('mainnet takes the highest semver release, never a prerelease; an update installs beside it and rollback returns', async () => {
    server.publish({ tag: '14.9.0', binary: standinMiner('14.9.0') });
    server.publish({ tag: '14.10.0', binary: standinMiner('14.10.0') });
    server.publish({ tag: '15.0.0-rc1', binary: standinMiner('15.0.0'), prerelease: true });
    server.publish({ tag: 'testnet-latest', binary: standinMiner('15.1.0'), prerelease: true });
    const dataRoot = freshRoot();

    const first = await installEngine({ dataRoot, channel: 'mainnet', tag: '14.9.0', ...common() });
    expect(first.replaced).toBeUndefined();
    const check = await checkForUpdate({ dataRoot, channel: 'mainnet', ...common() });
    expect(check).toMatchObject({
      installed: { tag: '14.9.0' },
      latest: { tag: '14.10.0', sha256: sha256(standinMiner('14.10.0')) },
      available: true,
    });

    // What the runtime does: install without switching, then stop → activate → start.
    const staged = await installEngine({ dataRoot, channel: 'mainnet', activate: false, ...common() });
    expect(staged.installed.tag).toBe('14.10.0');
    expect(readEngineManifest(dataRoot).active?.tag).toBe('14.9.0');
    expect(activateEngine(dataRoot, staged.installed)?.tag).toBe('14.9.0');
    expect(readEngineManifest(dataRoot)).toMatchObject({
      active: { tag: '14.10.0' },
      previous: { tag: '14.9.0' },
    });
    expect((await checkForUpdate({ dataRoot, channel: 'mainnet', ...common() })).available).toBe(false);

    expect(rollbackEngine(dataRoot).tag).toBe('14.9.0');
    expect(readEngineManifest(dataRoot)).toMatchObject({
      active: { tag: '14.9.0' },
      previous: { tag: '14.10.0' },
    });
    expect((await verifyInstalledEngine(dataRoot, linux)).version).toBe('14.9.0');
    expect(existsSync(staged.installed.path)).toBe(true);

    // A third version replaces the older of the two; its folder goes, the rolled-back pair's newest stays.
    server.publish({ tag: '14.11.0', binary: standinMiner('14.11.0') });
    const third = await installEngine({ dataRoot, channel: 'mainnet', ...common() });
    expect(third.replaced?.tag).toBe('14.9.0');
    expect(
      readdirSync(engineDir(dataRoot))
        .filter((e) => !e.startsWith('.'))
        .sort(),
    ).toEqual(['14.11.0', '14.9.0', 'manifest.json']);
  });

  it('testnet takes the newest testnet-* prerelease; a re-created testnet-latest is an update under the same tag', async () => {
    const dataRoot = freshRoot();
    server.publish({ tag: 'testnet-nightly', binary: standinMiner('15.0.9'), prerelease: true });
    server.publish({ tag: 'testnet-latest', binary: standinMiner('15.1.0'), prerelease: true });
    const a = await installEngine({ dataRoot, channel: 'testnet', ...common() });
    expect(a.installed).toMatchObject({ channel: 'testnet', tag: 'testnet-latest', version: '15.1.0' });
    expect(a.installed.path).toBe(
      join(engineDir(dataRoot), `testnet-latest-${a.installed.sha256.slice(0, 12)}`, 'sn2-miner'),
    );
    expect((await checkForUpdate({ dataRoot, channel: 'testnet', ...common() })).available).toBe(false);

    server.unpublish('testnet-latest');
    server.publish({ tag: 'testnet-latest', binary: standinMiner('15.1.1'), prerelease: true });
    expect(await checkForUpdate({ dataRoot, channel: 'testnet', ...common() })).toMatchObject({
      installed: { tag: 'testnet-latest', sha256: a.installed.sha256 },
      latest: { tag: 'testnet-latest', sha256: sha256(standinMiner('15.1.1')) },
      available: true,
    });
    const b = await installEngine({ dataRoot, channel: 'testnet', ...common() });
    expect(b.installed.version).toBe('15.1.1');
    expect(b.replaced?.path).toBe(a.installed.path);
    expect(existsSync(a.installed.path)).toBe(true);
  });

  it('refuses a tag of the other channel, and one that does not exist', async () => {
    const dataRoot = freshRoot();
    await expect(
      installEngine({ dataRoot, channel: 'mainnet', tag: 'testnet-latest', ...common() }),
    ).rejects.toThrow('release testnet-latest is not a mainnet release');
    await expect(installEngine({ dataRoot, channel: 'mainnet', tag: '99.0.0', ...common() })).rejects.toThrow(
      'upstream has no release tagged 99.0.0',
    );
  });

  it("without --channel: the active install's channel, else testnet for the test network, else mainnet", async () => {
    const dataRoot = freshRoot();
    expect(defaultEngineChannel(dataRoot, 'test')).toBe('testnet');
    expect(defaultEngineChannel(dataRoot, 'finney')).toBe('mainnet');
    server.publish({ tag: '14.12.5', binary: standinMiner('14.12.5') });
    await installEngine({ dataRoot, channel: 'mainnet', tag: '14.12.5', ...common() });
    expect(defaultEngineChannel(dataRoot, 'test')).toBe('mainnet');
  });

  it('rollback with nothing to return to says so', () => {
    expect(() => rollbackEngine(freshRoot())).toThrow('there is no previous engine to roll back to');
  });
});

describe('a binary installed by hand (sn2 engine use PATH)', () => {
  it('is smoke-tested, its version read, its hash pinned, and it wins over the installed engine until cleared', async () => {
    const dataRoot = freshRoot();
    server.publish({ tag: '14.12.0', binary: standinMiner('14.12.0') });
    await installEngine({ dataRoot, channel: 'mainnet', tag: '14.12.0', ...common() });
    const dir = mkdtempSync(join(tmpdir(), 'sn2-own-'));
    const own = join(dir, 'sn2-miner');
    writeFileSync(own, standinMiner('14.13.0-dev', 'multi'), { mode: 0o755 });

    const custom = await useCustomEngine(dataRoot, own);
    expect(custom).toMatchObject({
      path: own,
      version: '14.13.0-dev',
      multiMiner: true,
      sha256: sha256(standinMiner('14.13.0-dev', 'multi')),
    });
    expect(engineStatus(dataRoot, linux).selected).toEqual({
      source: 'custom',
      path: own,
      version: '14.13.0-dev',
    });
    expect((await verifyInstalledEngine(dataRoot, linux)).source).toBe('custom');

    writeFileSync(own, standinMiner('14.13.1-dev'), { mode: 0o755 });
    await expect(verifyInstalledEngine(dataRoot, linux)).rejects.toThrow(
      /changed since it was verified.*sn2 engine use PATH/,
    );

    expect(clearCustomEngine(dataRoot)).toBe(true);
    expect(engineStatus(dataRoot, linux).selected).toMatchObject({ source: 'installed', version: '14.12.0' });
    expect(clearCustomEngine(dataRoot)).toBe(false);
  });

  it('refuses what is not an sn2-miner, or does not run', async () => {
    const dataRoot = freshRoot();
    const dir = mkdtempSync(join(tmpdir(), 'sn2-own-'));
    const other = join(dir, 'other');
    writeFileSync(other, '#!/bin/sh\necho "usage: other [--verbose]"\nexit 0\n');
    chmodSync(other, 0o755);
    await expect(useCustomEngine(dataRoot, other)).rejects.toThrow(
      /is not an sn2-miner the app can run: its --help does not list --loopback/,
    );
    const silent = join(dir, 'silent');
    // An older or foreign build that fails before its first log line.
    writeFileSync(
      silent,
      `#!/bin/sh\n[ "$1" = --help ] && exec "${process.execPath}" "${STANDIN}" --help\necho "Error: loading wallet" >&2; exit 1\n`,
    );
    chmodSync(silent, 0o755);
    await expect(useCustomEngine(dataRoot, silent)).rejects.toThrow(
      /did not report its version \(no "sn2-miner version=" line; it exited with code 1: Error: loading wallet\)/,
    );
    await expect(useCustomEngine(dataRoot, join(dir, 'absent'))).rejects.toThrow(
      /cannot be run here: spawn .* ENOENT/,
    );
    expect(readEngineManifest(dataRoot).custom).toBeUndefined();
  });
});
