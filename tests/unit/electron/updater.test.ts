import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import type { AppUpdater } from 'electron-updater';

// electron-updater touches Electron as soon as autoUpdater is used: never load it for real here.
vi.mock('electron-updater', () => ({ autoUpdater: {} }));
const { UpdateController } = await import('../../../electron/updater.js');
type State = import('../../../electron/updater.js').UpdateState;

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

function controller(inFlight = 0, channel: 'stable' | 'beta' = 'stable') {
  const updater = fakeUpdater();
  const states: State[] = [];
  const c = new UpdateController({
    updater: updater as unknown as AppUpdater,
    channel,
    inFlightProofs: async () => inFlight,
    onState: (s) => states.push(s),
    intervalMs: 1000,
  });
  return { c, updater, states };
}

afterEach(() => vi.useRealTimers());

describe('auto-update', () => {
  it('downloads in the background and never installs on quit by itself', () => {
    const { updater } = controller();
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(false);
  });

  it('maps the channel setting: beta allows pre-releases, stable does not', () => {
    const { c, updater } = controller(0, 'beta');
    expect(updater.channel).toBe('beta');
    expect(updater.allowPrerelease).toBe(true);
    c.setChannel('stable');
    expect(updater.channel).toBe('latest');
    expect(updater.allowPrerelease).toBe(false);
    expect(updater.allowDowngrade).toBe(false);
  });

  it('checks at start and periodically', async () => {
    vi.useFakeTimers();
    const { c, updater } = controller();
    c.start();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2500);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(3);
    c.stop();
  });

  it('reports progress, then ready', () => {
    const { updater, states } = controller();
    updater.emit('update-available', { version: '1.2.0' });
    updater.emit('download-progress', { percent: 40 });
    updater.emit('update-downloaded', { version: '1.2.0' });
    expect(states).toEqual([
      { kind: 'downloading', version: '1.2.0', percent: 0 },
      { kind: 'downloading', version: '1.2.0', percent: 40 },
      { kind: 'ready', version: '1.2.0' },
    ]);
  });

  it('shows errors plainly, from events and from a failing check', async () => {
    const { c, updater, states } = controller();
    updater.emit('error', new Error('net::ERR_NAME_NOT_RESOLVED'));
    expect(states.at(-1)).toEqual({ kind: 'error', message: 'net::ERR_NAME_NOT_RESOLVED' });
    updater.checkForUpdates.mockRejectedValueOnce(new Error('feed has no latest.yml'));
    await c.check();
    expect(states.at(-1)).toEqual({ kind: 'error', message: 'feed has no latest.yml' });
  });

  it('does not restart while a proof is in flight', async () => {
    const { c, updater } = controller(2);
    updater.emit('update-downloaded', { version: '1.2.0' });
    const result = await c.restartToUpdate();
    expect(result.restarted).toBe(false);
    expect(result.reason).toMatch(/2 proof\(s\) in flight/);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('restarts into the update when idle, and only once one is downloaded', async () => {
    const { c, updater } = controller(0);
    expect((await c.restartToUpdate()).restarted).toBe(false);
    updater.emit('update-downloaded', { version: '1.2.0' });
    expect((await c.restartToUpdate()).restarted).toBe(true);
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
  });
});
