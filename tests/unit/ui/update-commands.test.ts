import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppUpdater } from 'electron-updater';
import { CoreService } from '../../../core/service/core-service.js';
import { silentLogger } from '../../../core/contract/logger.js';
import { dispatchCommand } from '../../../core/service/dispatch-command.js';
import { UpdateController } from '../../../electron/updater.js';
import { withUpdateCommands } from '../../../electron/update-commands.js';
import { commandResult } from '../../../electron/command-result.js';
import type { CoreBridge } from '../../../electron/core-bridge.js';
import type { CommandName, CommandOutput } from '../../../core/contract/index.js';

const services: CoreService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
});

function service(): CoreService {
  const s = new CoreService({ dataDir: mkdtempSync(join(tmpdir(), 'sn2-update-')), logger: silentLogger() });
  services.push(s);
  return s;
}

/** electron-updater cannot run without Electron: a stand-in with its events and methods. */
function fakeUpdater() {
  return Object.assign(new EventEmitter(), {
    autoDownload: false,
    autoInstallOnAppQuit: true,
    channel: null as string | null,
    allowPrerelease: false,
    allowDowngrade: true,
    checkForUpdates: vi.fn(async () => null),
    quitAndInstall: vi.fn(),
  });
}

function electronCore(inFlight: { n: number }) {
  const core = service();
  const updater = fakeUpdater();
  const controller = new UpdateController({
    updater: updater as unknown as AppUpdater,
    channel: 'stable',
    inFlightProofs: async () => inFlight.n,
    onState: (state) => core.context.emit({ type: 'update', state }),
  });
  const bridge: CoreBridge = {
    dispatch: (r) => dispatchCommand(core, r),
    onEvent: (l) => core.onEvent(l),
  };
  const facade = withUpdateCommands(bridge, () => controller);
  return { core, updater, facade: { ...facade, invoke: invokeVia(facade) } };
}

/** What the main process does with a command of its own: one envelope, a typed result. */
const invokeVia =
  (bridge: CoreBridge) =>
  async <N extends CommandName>(name: N, input: unknown): Promise<CommandOutput<N>> =>
    commandResult(name, await bridge.dispatch({ command: name, input }));

describe('update commands in the core (sn2 ui, CLI)', () => {
  it('report that there is no updater, and refuse a restart with the reason', async () => {
    const core = service();
    const status = await core.invoke('update.status', {});
    expect(status.kind).toBe('unsupported');
    expect(await core.invoke('update.check', {})).toEqual(status);
    const restart = await core.invoke('update.restart', {});
    expect(restart.restarted).toBe(false);
    expect(restart.reason).toMatch(/no self-updater/);
  });
});

describe('update commands in the Electron main', () => {
  it('follow the updater through checking, downloading and ready, as replies and as events', async () => {
    const { core, updater, facade } = electronCore({ n: 0 });
    const events: unknown[] = [];
    facade.onEvent((e) => {
      if (e.type === 'update') events.push(e.state);
    });
    expect(await facade.invoke('update.status', {})).toEqual({ kind: 'idle' });
    updater.checkForUpdates.mockImplementationOnce(async () => {
      updater.emit('checking-for-update');
      updater.emit('update-available', { version: '2.0.0' });
      return null;
    });
    expect(await facade.invoke('update.check', {})).toEqual({
      kind: 'downloading',
      version: '2.0.0',
      percent: 0,
    });
    updater.emit('download-progress', { percent: 100.0000001 });
    const bridged = await facade.dispatch({ command: 'update.status', input: {} });
    expect(bridged).toEqual({ ok: true, result: { kind: 'downloading', version: '2.0.0', percent: 100 } });
    updater.emit('update-downloaded', { version: '2.0.0' });
    expect(await facade.invoke('update.status', {})).toEqual({ kind: 'ready', version: '2.0.0' });
    expect(events.map((e) => (e as { kind: string }).kind)).toEqual([
      'checking',
      'downloading',
      'downloading',
      'ready',
    ]);
    // Every other command still reaches the core.
    expect((await facade.invoke('settings.get', {})).app.updateChannel).toBe('stable');
    await expect(core.invoke('update.status', {})).resolves.toMatchObject({ kind: 'unsupported' });
    // Input is checked here as the core would.
    expect(await facade.dispatch({ command: 'update.check', input: { now: true } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('refuses "Restart to update" while proofs are in flight, then installs once they are done', async () => {
    const inFlight = { n: 2 };
    const { updater, facade } = electronCore(inFlight);
    expect(await facade.invoke('update.restart', {})).toEqual({
      restarted: false,
      reason: 'no update has been downloaded',
    });
    updater.emit('update-downloaded', { version: '2.0.0' });
    const refused = await facade.invoke('update.restart', {});
    expect(refused.restarted).toBe(false);
    expect(refused.reason).toMatch(/2 proof\(s\) in flight/);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    inFlight.n = 0;
    expect(await facade.invoke('update.restart', {})).toEqual({ restarted: true });
    expect(updater.quitAndInstall).toHaveBeenCalledOnce();
  });

  it('surfaces an updater error as a state', async () => {
    const { updater, facade } = electronCore({ n: 0 });
    updater.emit('error', new Error('net::ERR_NAME_NOT_RESOLVED'));
    expect(await facade.invoke('update.status', {})).toEqual({
      kind: 'error',
      message: 'net::ERR_NAME_NOT_RESOLVED',
    });
  });
});
