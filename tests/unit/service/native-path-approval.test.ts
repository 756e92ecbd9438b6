import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CoreService } from '../../../core/service/core-service.js';
import { silentLogger } from '../../../core/contract/logger.js';
import type { HostHooks } from '../../../core/service/host-hooks.js';
import type { NativePathChange } from '../../../core/contract/core-channel.js';

// The ezkl 22.0.1 stand-in of the native-ezkl tests (answers `--version` as the real CLI does).
const fakeEzkl = fileURLToPath(new URL('../../integration/provers/fixtures/fake-ezkl.mjs', import.meta.url));

const services: CoreService[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  for (const s of services.splice(0)) await s.close();
});

function core(host?: HostHooks) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sn2-native-path-'));
  const service = new CoreService({ dataDir, logger: silentLogger(), host });
  services.push(service);
  const onDisk = () =>
    (JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { prover: { nativePaths: object } })
      .prover.nativePaths;
  return { service, dataDir, onDisk };
}

const setEzkl = (service: CoreService, path: string) =>
  service.invoke('settings.update', { prover: { nativePaths: { ezkl: path } } });

describe('prover.nativePaths changed through settings.update (the UI)', () => {
  it('is refused where nobody can confirm it, pointing to the terminal commands', async () => {
    const { service } = core();
    await expect(setEzkl(service, fakeEzkl)).rejects.toThrow(/needs confirmation.*sn2 ezkl use/);
    expect((await service.invoke('settings.get', {})).prover.nativePaths).toEqual({});
  });

  it('asks the host first, and a refusal saves nothing and runs nothing', async () => {
    const asked: NativePathChange[] = [];
    const marker = join(tmpdir(), `sn2-ran-${process.pid}-${Date.now()}`);
    const { service, dataDir } = core({ confirmNativePath: async (c) => (asked.push(c), false) });
    const trap = join(dataDir, 'trap.sh');
    writeFileSync(trap, `#!/bin/sh\ntouch ${marker}\necho ezkl 22.0.1\n`, { mode: 0o755 });
    await expect(setEzkl(service, trap)).rejects.toThrow(/was not confirmed/);
    expect(asked).toEqual([{ tool: 'ezkl', path: trap }]);
    expect(() => readFileSync(marker)).toThrow(); // the unconfirmed file never ran
  });

  it('self-tests a confirmed path before saving: a wrong version is refused, the right one saved', async () => {
    const confirmNativePath = vi.fn(async () => true);
    const { service, onDisk } = core({ confirmNativePath });
    vi.stubEnv('FAKE_EZKL_VERSION', '21.0.0');
    await expect(setEzkl(service, fakeEzkl)).rejects.toThrow(/failed the ezkl self-test.*version 21\.0\.0/);
    vi.unstubAllEnvs();
    const saved = await setEzkl(service, fakeEzkl);
    expect(saved.prover.nativePaths).toEqual({ ezkl: fakeEzkl });
    expect(onDisk()).toEqual({ ezkl: fakeEzkl });
    // Saving it again, or changing something else, asks nobody; removing a path needs no consent.
    confirmNativePath.mockClear();
    await setEzkl(service, fakeEzkl);
    await service.invoke('settings.update', { axon: { port: 9000 } });
    await service.invoke('settings.update', { prover: { nativePaths: {} } });
    expect(confirmNativePath).not.toHaveBeenCalled();
    expect(onDisk()).toEqual({});
  });

  it('refuses relative paths and unknown tools before asking anyone', async () => {
    const confirmNativePath = vi.fn(async () => true);
    const { service } = core({ confirmNativePath });
    await expect(setEzkl(service, 'bin/ezkl')).rejects.toThrow(/must be absolute/);
    await expect(
      service.invoke('settings.update', { prover: { nativePaths: { sh: '/bin/sh' } } }),
    ).rejects.toThrow(/unknown native tool "sh"/);
    expect(confirmNativePath).not.toHaveBeenCalled();
  });
});
