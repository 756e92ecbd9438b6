import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startDevnet, type Devnet } from '../../../core/chain/devnet/start-devnet.js';
import { bootstrapSubnet } from '../../../core/chain/devnet/bootstrap.js';
import { CoreService } from '../../../core/service/core-service.js';
import type { CoreEvent } from '../../../core/contract/index.js';
import { DEVNET_TEST_CACHE } from '../chain/devnet-fixture.js';
import { sharedPath } from '../../helpers/shared.js';

const run = promisify(execFile);

/**
 * miner/validator on a "real" network (the devnet as a custom endpoint) with a hotkey that is not
 * registered, doctor.run against that chain and against an unreachable one, and logs.tail.
 */
describe('service nodes on a real chain endpoint', () => {
  let devnet: Devnet;
  let netuid: number;
  let core: CoreService;
  let home: string;
  const events: CoreEvent[] = [];

  beforeAll(async () => {
    devnet = await startDevnet({
      specPath: sharedPath('fixtures/subtensor/aura-dev-spec293.json'),
      cacheDir: DEVNET_TEST_CACHE,
    });
    netuid = (await bootstrapSubnet(devnet, { miners: 1, validators: 0 })).netuid;
    home = mkdtempSync(join(tmpdir(), 'sn2-service-net-'));
    core = new CoreService({ dataDir: join(home, 'data') });
    core.onEvent((e) => events.push(e));
    await core.invoke('settings.update', {
      network: 'custom',
      chainEndpoint: devnet.endpoint,
      netuid,
      wallet: { path: join(home, 'wallets'), name: 'w', hotkey: 'h' },
      axon: { externalIp: '203.0.113.7' },
    });
  }, 180_000);
  afterAll(async () => {
    await core?.close();
    await devnet?.close();
  });

  it('miner.start without a wallet: error status saying how to get one', async () => {
    await expect(core.invoke('miner.start', {})).rejects.toThrow(
      /cannot load hotkey "h" of wallet "w".*sn2 wallet create/,
    );
    expect((await core.invoke('miner.status', {})).state).toBe('error');
    expect((await core.invoke('miner.stop', {})).state).toBe('stopped');
  });

  it('miner.start and validator.start with an unregistered hotkey: the exact next step and the burn cost', async () => {
    await core.invoke('wallet.create', { name: 'w', hotkey: 'h', password: 'pw-for-the-test' });
    events.length = 0;
    await expect(core.invoke('miner.start', {})).rejects.toThrow(
      new RegExp(
        `not registered on netuid ${netuid}.*btcli subnet register --netuid ${netuid}.*burns [\\d.]+ TAO right now`,
      ),
    );
    const states = events.flatMap((e) => (e.type === 'status' && e.component === 'miner' ? [e.state] : []));
    expect(states[0]).toBe('starting');
    expect(states.at(-1)).toBe('error');
    const status = await core.invoke('miner.status', {});
    expect(status.detail).toMatch(/Register it first/);
    await expect(core.invoke('validator.start', {})).rejects.toThrow(/the validator cannot start/);
  });

  it('doctor.run answers every check with a reason, chain checks against the endpoint', async () => {
    const { checks } = await core.invoke('doctor.run', {});
    expect(checks.map((c) => c.id)).toEqual([
      'hardware',
      'axon-local',
      'provers',
      'circuits',
      'refusals',
      'protocol',
      'external-ip',
      'registration',
      'axon-chain',
      'clock',
    ]);
    for (const c of checks) expect(c.message.length).toBeGreaterThan(10);
    const byId = Object.fromEntries(checks.map((c) => [c.id, c]));
    expect(byId.registration).toMatchObject({
      ok: false,
      fix: expect.stringMatching(/btcli subnet register/),
    });
    expect(byId['axon-local']).toMatchObject({ ok: false, fix: expect.stringMatching(/start mining/) });
    // A custom devnet with no SN2 evidence on chain is mined by the app's own v10 miner.
    expect(byId.protocol).toMatchObject({
      ok: true,
      message: expect.stringMatching(/speaks v10 \(default: .*v10 miner$/),
    });
    expect(byId['axon-chain']).toMatchObject({
      skipped: true,
      message: expect.stringMatching(/^the hotkey is not registered/),
    });
    expect(byId.clock.message).toMatch(/this clock is \d+ s (ahead of|behind) the chain's latest block/);
  });

  it('doctor.run degrades to "can\'t check" when the chain is out of reach', async () => {
    await core.invoke('settings.update', { chainEndpoint: 'ws://127.0.0.1:9' });
    const { checks } = await core.invoke('doctor.run', {});
    const chain = checks.filter((c) => ['registration', 'axon-chain', 'clock'].includes(c.id));
    expect(chain).toHaveLength(3);
    for (const c of chain)
      expect(c).toMatchObject({
        skipped: true,
        message: expect.stringMatching(/^the chain is out of reach/),
      });
    await core.invoke('settings.update', { chainEndpoint: devnet.endpoint });
  }, 60_000);

  it('logs.tail returns the last lines of the current log file', async () => {
    const lines = await core.invoke('logs.tail', { lines: 3 });
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
    const all = await core.invoke('logs.tail', { lines: 5000 });
    expect(all.some((l) => l.includes('not registered'))).toBe(true);
  });

  it('sn2 validate on the endpoint with an unregistered hotkey exits non-zero with the next step', async () => {
    const err = await run(
      process.execPath,
      [
        'bin/sn2.mjs',
        'validate',
        '--subtensor.network',
        devnet.endpoint,
        '--netuid',
        String(netuid),
        '--wallet.path',
        join(home, 'wallets'),
        '--wallet.name',
        'w',
        '--wallet.hotkey',
        'h',
      ],
      { env: { ...process.env, SN2_HOME: join(home, 'cli-data') }, timeout: 90_000 },
    ).catch((e: { code: number; stderr: string }) => e);
    expect('code' in err && err.code).toBe(1);
    expect('stderr' in err && err.stderr).toMatch(/not registered on netuid \d+.*btcli subnet register/);
  }, 120_000);
});
