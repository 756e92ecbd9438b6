import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreSupervisor, type SupervisorOptions } from '../../../electron/core-supervisor.js';
import type { CoreEvent } from '../../../core/contract/index.js';
import type { SettingsProblem } from '../../../core/contract/core-channel.js';
import { coreChildScript, forkedCoreChild } from './forked-core.js';

/** The main ↔ core channel with a real core in a real child process (as the desktop app runs it). */
describe('core process channel', () => {
  let supervisor: CoreSupervisor | undefined;
  afterEach(async () => {
    await supervisor?.close();
    supervisor = undefined;
  });

  function supervise(home: string, extra: Partial<SupervisorOptions> = {}) {
    const children: Array<ReturnType<typeof forkedCoreChild>> = [];
    const events: CoreEvent[] = [];
    supervisor = new CoreSupervisor({
      spawn: () => {
        const child = forkedCoreChild(coreChildScript, { SN2_HOME: home });
        children.push(child);
        return child;
      },
      confirmNativePath: async () => false,
      onSettingsInvalid: async () => 'quit',
      log: () => undefined,
      backoffMs: () => 10,
      ...extra,
    });
    supervisor.onEvent((e) => events.push(e));
    return { supervisor, children, events };
  }

  it('carries bridge envelopes: the same results and typed refusals as the web bridge', async () => {
    const { supervisor } = supervise(mkdtempSync(join(tmpdir(), 'sn2-channel-')));
    expect(await supervisor.start()).toBe('ready');
    expect(await supervisor.dispatch({ command: 'settings.get', input: {} })).toMatchObject({
      ok: true,
      result: { network: 'practice' },
    });
    const refusals = await Promise.all(
      [
        'settings.get',
        { command: 'shell.exec', input: {} },
        { command: 'app.info', input: { x: 1 } },
        { command: 'settings.update', input: { axon: { port: 80 } } },
      ].map((envelope) => supervisor.dispatch(envelope)),
    );
    expect(refusals.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'bad-request',
      'unknown-command',
      'invalid-input',
      'invalid-input',
    ]);
    const updated = await supervisor.invoke('settings.update', { app: { runAtLogin: true } });
    expect(updated.app.runAtLogin).toBe(true);
    await expect(supervisor.invoke('settings.update', { axon: { port: 80 } })).rejects.toThrow(/axon\.port/);
  }, 60_000);

  it('an invalid settings file: the problem names file, .bak and field; reset keeps the bad file aside', async () => {
    const home = mkdtempSync(join(tmpdir(), 'sn2-channel-bad-'));
    const bad = JSON.stringify({ version: 1, axon: { port: 'eighty' } });
    writeFileSync(join(home, 'settings.json'), bad);
    const problems: SettingsProblem[] = [];
    const { supervisor } = supervise(home, {
      onSettingsInvalid: async (problem) => {
        problems.push(problem);
        return 'reset';
      },
    });
    expect(await supervisor.start()).toBe('ready');
    expect(problems).toEqual([
      {
        file: join(home, 'settings.json'),
        backup: join(home, 'settings.json.bak'),
        field: 'axon.port',
        message: expect.stringMatching(/axon\.port/),
      },
    ]);
    expect((await supervisor.invoke('settings.get', {})).axon.port).toBe(8091);
    const keptAside = readdirSync(home).filter((f) => f.startsWith('settings.json.rejected-'));
    expect(keptAside).toHaveLength(1);
    expect(readFileSync(join(home, keptAside[0]), 'utf8')).toBe(bad);
    expect(readFileSync(join(home, 'settings.json.bak'), 'utf8')).toBe(bad);
  }, 60_000);

  it('quitting at the settings problem leaves the file untouched and the core stopped', async () => {
    const home = mkdtempSync(join(tmpdir(), 'sn2-channel-quit-'));
    writeFileSync(join(home, 'settings.json'), '{"version": 1, "netw');
    const { supervisor, children } = supervise(home);
    expect(await supervisor.start()).toBe('quit');
    await vi.waitFor(() => expect(children[0].proc.exitCode).toBe(0));
    expect(readFileSync(join(home, 'settings.json'), 'utf8')).toBe('{"version": 1, "netw');
    expect(existsSync(join(home, 'settings.json.bak'))).toBe(true);
  }, 60_000);

  it('a crash loop stops the restarts, with a clear error and the log path', async () => {
    const home = mkdtempSync(join(tmpdir(), 'sn2-channel-loop-'));
    const { supervisor, children, events } = supervise(home, {
      crashLoop: { crashes: 3, windowMs: 60_000 },
    });
    expect(await supervisor.start()).toBe('ready');
    for (let crash = 1; crash <= 3; crash++) {
      await vi.waitFor(() => expect(supervisor.state).toBe('running'), { timeout: 30_000 });
      children[crash - 1].proc.kill('SIGKILL');
      await vi.waitFor(() => expect(supervisor.state).not.toBe('running'));
    }
    await vi.waitFor(() => expect(supervisor.state).toBe('given-up'));
    await new Promise((r) => setTimeout(r, 200));
    expect(children).toHaveLength(3); // no fourth start
    const logFile = join(home, 'logs', 'sn2.1.log'); // pino-roll's first file
    expect(events).toContainEqual({
      type: 'notification',
      level: 'error',
      title: 'The miner keeps crashing and was not restarted',
      body: expect.stringContaining(logFile),
    });
    const refused = await supervisor.dispatch({ command: 'settings.get', input: {} });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(!refused.ok && refused.error.message).toContain(logFile);
  }, 120_000);
});
