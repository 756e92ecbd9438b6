import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installEzkl } from '../../../core/provers/ezkl/install.js';
import { locateEzkl } from '../../../core/provers/ezkl/native-cli.js';
import { createProver } from '../../../core/provers/prover.js';
import { createProverPool } from '../../../core/provers/pool.js';
import { CircuitStore } from '../../../core/circuits/store.js';
import { ChecksumMismatchError } from '../../../core/util/download-errors.js';
import { CoreService } from '../../../core/service/core-service.js';
import type { CoreEvent } from '../../../core/contract/index.js';
import {
  releaseFor,
  sha256,
  standinEzklArchive,
  writeReleaseFile,
} from '../../helpers/ezkl-release-server.js';
import { startFileServer, type FileServer } from '../../helpers/file-server.js';
import { sharedPath } from '../../helpers/shared.js';

const LSTM = '31df94d233053d9648c3c57362d9aa8aaa0f77761ac520af672103dbb387a6a5';
const good = standinEzklArchive('22.0.1');
const old = standinEzklArchive('21.0.0');
let server: FileServer;
const binDir = () => mkdtempSync(join(tmpdir(), 'sn2-bin-'));
const hitsOf = (name: string) => server.hits.filter((h) => h.path === `/${name}`);

beforeAll(async () => {
  server = await startFileServer();
  server.put('good.tar.gz', good);
  server.put('old.tar.gz', old);
  server.put('tampered.tar.gz', Buffer.concat([good.subarray(0, -1), Buffer.from([good.at(-1)! ^ 1])]));
});
afterAll(() => server.close());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe('installEzkl', () => {
  it('installs the pinned archive into bin/, where ezkl is then found, and leaves nothing else behind', async () => {
    const dir = binDir();
    const stages: string[] = [];
    const installed = await installEzkl({
      binDir: dir,
      release: releaseFor(`${server.base}/good.tar.gz`, sha256(good)),
      onProgress: (p) => stages.push(p.stage),
    });
    expect(installed).toEqual({ path: join(dir, 'ezkl'), version: '22.0.1', sha256: sha256(good) });
    expect(new Set(stages)).toEqual(new Set(['download', 'unpack', 'check']));
    expect(readdirSync(dir)).toEqual(['ezkl']);
    const found = await locateEzkl({ binDir: dir });
    expect(found.cli?.path).toBe(join(dir, 'ezkl'));
  });

  it('makes EZKL circuits provable for a prover that was already running', async () => {
    const dir = binDir();
    const store = new CircuitStore({ cacheDir: binDir(), offlineDir: sharedPath('fixtures/sn2') });
    const pool = createProverPool({ size: 1 });
    try {
      const prover = await createProver({ store, pool, srsDir: binDir(), binDir: dir });
      expect((await prover.capability(LSTM)).reason).toMatch(/ezkl 22\.0\.1 is not installed/);
      await installEzkl({ binDir: dir, release: releaseFor(`${server.base}/good.tar.gz`, sha256(good)) });
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + 5_000); // past the throttle on looking again
      const after = await prover.capability(LSTM);
      // ezkl is there now; what may still be missing is the circuit's proving key (a 100 MB+ download).
      expect(after.reason ?? '').not.toMatch(/ezkl/);
    } finally {
      await pool.close();
    }
  });

  it('rejects an archive whose checksum differs from the pin, and installs nothing', async () => {
    const dir = binDir();
    await expect(
      installEzkl({ binDir: dir, release: releaseFor(`${server.base}/tampered.tar.gz`, sha256(good)) }),
    ).rejects.toThrow(ChecksumMismatchError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses an ezkl that reports another version and keeps the one installed', async () => {
    const dir = binDir();
    await installEzkl({ binDir: dir, release: releaseFor(`${server.base}/good.tar.gz`, sha256(good)) });
    await expect(
      installEzkl({ binDir: dir, release: releaseFor(`${server.base}/old.tar.gz`, sha256(old)) }),
    ).rejects.toThrow(/reports version 21\.0\.0, expected 22\.0\.1; nothing was installed/);
    expect(readdirSync(dir)).toEqual(['ezkl']);
    expect((await locateEzkl({ binDir: dir })).cli?.version).toBe('22.0.1');
  });

  it('resumes an interrupted download where it stopped', async () => {
    const dir = binDir();
    const release = releaseFor(`${server.base}/good.tar.gz`, sha256(good));
    const before = hitsOf('good.tar.gz').length;
    server.cutNextAfter(Math.floor(good.length / 2));
    await expect(installEzkl({ binDir: dir, release })).rejects.toThrow();
    expect(readdirSync(dir).some((f) => f.endsWith('.part'))).toBe(true);
    await installEzkl({ binDir: dir, release });
    const hits = hitsOf('good.tar.gz').slice(before);
    expect(hits).toHaveLength(2);
    expect(hits[1].range).toMatch(/^bytes=\d+-$/);
    expect(readdirSync(dir)).toEqual(['ezkl']);
  });

  it('refuses an unpinned asset without downloading anything', async () => {
    const before = server.hits.length;
    await expect(
      installEzkl({ binDir: binDir(), release: releaseFor(`${server.base}/good.tar.gz`, null) }),
    ).rejects.toThrow(/no pinned checksum/);
    expect(server.hits.length).toBe(before);
  });
});

describe('provers.installEzkl through CoreService', () => {
  const releaseFile = () => writeReleaseFile(releaseFor(`${server.base}/good.tar.gz`, sha256(good)));
  it('installs once for concurrent requests, reports progress, and the status then says installed', async () => {
    vi.stubEnv('SN2_EZKL_RELEASE', releaseFile());
    const dataDir = mkdtempSync(join(tmpdir(), 'sn2-home-'));
    const service = new CoreService({ dataDir });
    const events: CoreEvent[] = [];
    service.onEvent((e) => events.push(e));
    try {
      const before = await service.invoke('provers.ezklStatus', {});
      expect(before).toMatchObject({ installed: false, installable: true, version: '22.0.1' });
      const hits = hitsOf('good.tar.gz').length;
      const [a, b] = await Promise.all([
        service.invoke('provers.installEzkl', {}),
        service.invoke('provers.installEzkl', {}),
      ]);
      expect(hitsOf('good.tar.gz').length - hits).toBe(1);
      expect(a).toEqual(b);
      expect(a).toMatchObject({ installed: true, path: join(dataDir, 'bin', 'ezkl') });
      const progress = events.filter((e) => e.type === 'progress' && e.taskId === 'provers.installEzkl');
      expect(
        progress.some((e) => e.type === 'progress' && e.unit === 'bytes' && e.done === good.length),
      ).toBe(true);
      expect(progress.at(-1)).toMatchObject({ finished: true });
      expect(progress.at(-1)).not.toHaveProperty('error');
    } finally {
      await service.close();
    }
  });

  it('reports a failed install as a finished task with the error, and rejects the command', async () => {
    vi.stubEnv('SN2_EZKL_RELEASE', writeReleaseFile(releaseFor(`${server.base}/old.tar.gz`, sha256(old))));
    const service = new CoreService({ dataDir: mkdtempSync(join(tmpdir(), 'sn2-home-')) });
    const events: CoreEvent[] = [];
    service.onEvent((e) => events.push(e));
    try {
      await expect(service.invoke('provers.installEzkl', {})).rejects.toThrow(/reports version 21\.0\.0/);
      expect(events.at(-1)).toMatchObject({
        type: 'progress',
        finished: true,
        error: expect.stringMatching(/21\.0\.0/),
      });
      expect(await service.invoke('provers.ezklStatus', {})).toMatchObject({ installed: false });
    } finally {
      await service.close();
    }
  });

  it('sn2 ezkl install / status work from the command line', async () => {
    const run = promisify(execFile);
    const env = {
      ...process.env,
      SN2_HOME: mkdtempSync(join(tmpdir(), 'sn2-home-')),
      SN2_EZKL_RELEASE: releaseFile(),
    };
    const status: { code?: number; stdout: string } = await run(
      process.execPath,
      ['bin/sn2.mjs', 'ezkl', 'status', '--json'],
      { env },
    ).catch((e: { code: number; stdout: string }) => e);
    expect(status.code).toBe(1);
    expect(JSON.parse(status.stdout)).toMatchObject({ installed: false, installable: true });
    const install = await run(process.execPath, ['bin/sn2.mjs', 'ezkl', 'install', '--json'], { env });
    expect(JSON.parse(install.stdout)).toMatchObject({ installed: true, archiveSha256: sha256(good) });
    const again = await run(process.execPath, ['bin/sn2.mjs', 'ezkl', 'status'], { env });
    expect(again.stdout).toMatch(/ezkl 22\.0\.1: installed at .*\/bin\/ezkl/);

    // "sn2 ezkl use": an ezkl of another version is refused and nothing is saved; --clear forgets a path.
    const other = join(env.SN2_HOME, 'ezkl-21');
    writeFileSync(other, '#!/bin/sh\necho "ezkl 21.0.0"\n', { mode: 0o755 });
    const refused: { code?: number; stderr: string } = await run(
      process.execPath,
      ['bin/sn2.mjs', 'ezkl', 'use', other],
      { env },
    ).catch((e: { code: number; stderr: string }) => e);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not using .*ezkl-21: .*version 21\.0\.0, SN2 needs 22\.0\.1/);
    const installedPath = join(env.SN2_HOME, 'bin', 'ezkl');
    const used = await run(process.execPath, ['bin/sn2.mjs', 'ezkl', 'use', installedPath, '--json'], {
      env,
    });
    expect(JSON.parse(used.stdout)).toMatchObject({ installed: true, path: installedPath });
    expect(JSON.parse(readFileSync(join(env.SN2_HOME, 'settings.json'), 'utf8')).prover.nativePaths).toEqual({
      ezkl: installedPath,
    });
    await run(process.execPath, ['bin/sn2.mjs', 'ezkl', 'use', '--clear'], { env });
    expect(JSON.parse(readFileSync(join(env.SN2_HOME, 'settings.json'), 'utf8')).prover.nativePaths).toEqual(
      {},
    );
  }, 60_000);
});

describe('ezkl status with a configured path', () => {
  it('explains that a configured path that does not work is used instead, and installing replaces it', async () => {
    vi.stubEnv('SN2_EZKL_RELEASE', writeReleaseFile(releaseFor(`${server.base}/good.tar.gz`, sha256(good))));
    const dataDir = mkdtempSync(join(tmpdir(), 'sn2-home-'));
    const bogus = join(dataDir, 'not-ezkl');
    writeFileSync(bogus, '#!/bin/sh\necho "ezkl 1.0.0"\n', { mode: 0o755 });
    const service = new CoreService({ dataDir });
    try {
      // A path saved when it worked, broken since (settings.update would refuse it: it self-tests).
      service.context.settings.update({ prover: { nativePaths: { ezkl: bogus } } });
      const s = await service.invoke('provers.ezklStatus', {});
      expect(s.installed).toBe(false);
      expect(s.reason).toMatch(/version 1\.0\.0, SN2 needs 22\.0\.1 \(the configured path is used instead/);
      expect(s.installable).toBe(true);
      // Installing fixes it: the broken configured path is replaced by the installed ezkl.
      const after = await service.invoke('provers.installEzkl', {});
      expect(after).toMatchObject({ installed: true, path: join(dataDir, 'bin', 'ezkl') });
      expect((await service.invoke('settings.get', {})).prover.nativePaths.ezkl).toBe(
        join(dataDir, 'bin', 'ezkl'),
      );
    } finally {
      await service.close();
    }
  });
});
