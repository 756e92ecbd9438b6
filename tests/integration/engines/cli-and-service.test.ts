import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CoreService } from '../../../core/service/core-service.js';
import { silentLogger } from '../../../core/contract/logger.js';
import type { CoreEvent } from '../../../core/contract/index.js';
import { createTestSigstore } from '../../helpers/engines/test-sigstore.js';
import {
  startEngineReleaseServer,
  sha256,
  type EngineReleaseServer,
} from '../../helpers/engines/engine-release-server.js';
import { standinMiner } from '../../helpers/engines/standin-miner.js';

// The app runs on linux-x64 here (the only platform these tests run on); the release asset is that one.
const sigstore = createTestSigstore();
let server: EngineReleaseServer;
let trustedRootFile: string;

beforeAll(async () => {
  server = await startEngineReleaseServer(sigstore);
  trustedRootFile = join(mkdtempSync(join(tmpdir(), 'sn2-trust-')), 'trusted_root.json');
  writeFileSync(trustedRootFile, JSON.stringify(sigstore.trustedRootJson));
  server.publish({ tag: '14.6.0', binary: standinMiner('14.6.0') });
});
afterAll(() => server.close());

const run = promisify(execFile);
type Ran = { code?: number; stdout: string; stderr: string };
const sn2 = (env: NodeJS.ProcessEnv, ...args: string[]): Promise<Ran> =>
  run(process.execPath, ['bin/sn2.mjs', 'engine', ...args], { env }).catch((e: Ran) => e);

describe('sn2 engine (the command line)', () => {
  it('status, install, update, rollback, use, clear', async () => {
    const home = mkdtempSync(join(tmpdir(), 'sn2-home-'));
    const env = {
      ...process.env,
      SN2_HOME: home,
      SN2_ENGINE_RELEASES_API: server.apiBase,
      SN2_SIGSTORE_TRUSTED_ROOT: trustedRootFile,
    };

    const before = await sn2(env, 'status', '--json');
    expect(before.code).toBe(1);
    expect(JSON.parse(before.stdout)).toMatchObject({
      platform: 'linux-x64',
      supported: true,
      selected: null,
    });

    const installed = await sn2(env, 'install', '--json');
    expect(installed.code).toBeUndefined();
    expect(JSON.parse(installed.stdout)).toMatchObject({
      selected: { source: 'installed', version: '14.6.0' },
      installed: { tag: '14.6.0', sha256: sha256(standinMiner('14.6.0')) },
      signature: { trustOrigin: `${trustedRootFile} (SN2_SIGSTORE_TRUSTED_ROOT)` },
    });
    server.publish({ tag: '14.7.0', binary: standinMiner('14.7.0') });
    const updated = await sn2(env, 'update');
    expect(updated.stderr).toMatch(/checking the Sigstore signature of SHA256SUMS\n.*downloading/s);
    expect(updated.stdout).toMatch(/installed sn2-miner 14\.7\.0 \(mainnet release 14\.7\.0\)/);
    expect(updated.stdout).toMatch(/previous: mainnet release 14\.6\.0, kept for "sn2 engine rollback"/);

    expect((await sn2(env, 'rollback')).stdout).toMatch(
      /rolled back to mainnet release 14\.6\.0\nsn2-miner 14\.6\.0/,
    );

    const own = join(home, 'my-sn2-miner');
    writeFileSync(own, standinMiner('14.8.0-dev'), { mode: 0o755 });
    expect((await sn2(env, 'use', own)).stdout).toMatch(/using sn2-miner 14\.8\.0-dev at .*my-sn2-miner/);
    expect(JSON.parse((await sn2(env, 'clear', '--json')).stdout)).toMatchObject({
      cleared: true,
      selected: { source: 'installed', version: '14.6.0' },
    });
  }, 240_000);

  it('refusals are one line and exit 1; a bad channel is a usage error (exit 2)', async () => {
    const env = {
      ...process.env,
      SN2_HOME: mkdtempSync(join(tmpdir(), 'sn2-home-')),
      SN2_ENGINE_RELEASES_API: server.apiBase,
      SN2_SIGSTORE_TRUSTED_ROOT: trustedRootFile,
    };
    server.publish({ tag: '14.6.9', binary: standinMiner('14.6.9'), servedBinary: standinMiner('evil') });
    const refused = await sn2(env, 'install', '--tag', '14.6.9');
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n').at(-1)).toMatch(/does not match its signed SHA256SUMS/);
    const bad = await sn2(env, 'install', '--channel', 'devnet');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--channel.*devnet.*mainnet, testnet/);
  }, 120_000);
});

describe('engine.* through CoreService', () => {
  it('installs once for concurrent requests with progress events, then checks for updates', async () => {
    vi.stubEnv('SN2_ENGINE_RELEASES_API', server.apiBase);
    vi.stubEnv('SN2_SIGSTORE_TRUSTED_ROOT', trustedRootFile);
    const asked: string[] = [];
    const service = new CoreService({
      dataDir: mkdtempSync(join(tmpdir(), 'sn2-home-')),
      logger: silentLogger(),
      // The person at this computer: declines one path, confirms the others.
      host: {
        confirmNativePath: async (change) => {
          asked.push(`${change.tool} ${change.path}`);
          return !change.path.endsWith('declined-miner');
        },
      },
    });
    const events: CoreEvent[] = [];
    service.onEvent((e) => events.push(e));
    try {
      expect(await service.invoke('engine.status', {})).toMatchObject({ supported: true, selected: null });
      const [a, b] = await Promise.all([
        service.invoke('engine.install', { channel: 'mainnet', tag: '14.6.0' }),
        service.invoke('engine.install', { channel: 'mainnet', tag: '14.6.0' }),
      ]);
      expect(a).toEqual(b);
      expect(a).toMatchObject({
        selected: { source: 'installed', version: '14.6.0' },
        active: { tag: '14.6.0' },
      });
      const progress = events.filter((e) => e.type === 'progress' && e.taskId === 'engine.install');
      expect(
        progress.some(
          (e) => e.type === 'progress' && e.unit === 'bytes' && e.label === 'Downloading sn2-miner',
        ),
      ).toBe(true);
      expect(progress.at(-1)).toMatchObject({ finished: true });
      expect(progress.filter((e) => e.type === 'progress' && e.finished)).toHaveLength(1);

      const check = await service.invoke('engine.checkUpdate', {});
      expect(check).toMatchObject({ channel: 'mainnet', installed: { tag: '14.6.0' }, available: true });
      const after = await service.invoke('engine.applyUpdate', {});
      expect(after).toMatchObject({ active: { tag: check.latest.tag }, previous: { tag: '14.6.0' } });
      expect(await service.invoke('engine.rollback', {})).toMatchObject({ active: { tag: '14.6.0' } });
      // engine.use comes from a UI: confirmed outside it first, then self-tested, like a prover's path.
      await expect(service.invoke('engine.use', { path: join(tmpdir(), 'declined-miner') })).rejects.toThrow(
        /not saved: running .*declined-miner as sn2-miner was not confirmed/,
      );
      await expect(service.invoke('engine.use', { path: join(tmpdir(), 'no-such-miner') })).rejects.toThrow(
        /failed the sn2-miner self-test: .*cannot be run here/,
      );
      expect(asked).toEqual([
        `sn2-miner ${join(tmpdir(), 'declined-miner')}`,
        `sn2-miner ${join(tmpdir(), 'no-such-miner')}`,
      ]);
      expect((await service.invoke('engine.status', {})).custom).toBeUndefined();
      vi.stubEnv('SN2_SIGSTORE_TRUSTED_ROOT', join(tmpdir(), 'absent-root.json'));
      await expect(service.invoke('engine.install', { tag: '14.6.0' })).rejects.toThrow(
        /SN2_SIGSTORE_TRUSTED_ROOT: cannot read .*absent-root\.json/,
      );
    } finally {
      vi.unstubAllEnvs();
      await service.close();
    }
  });
});
