import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));
const { gracefulQuit } = await import('../../../electron/shutdown.js');
const { trayMenu, trayTooltip } = await import('../../../electron/tray-menu.js');
const { applyLoginItem, startHidden, START_HIDDEN_ARG } = await import('../../../electron/app-settings.js');
const { appUrlToFile } = await import('../../../electron/app-protocol.js');
const { trayIconBitmap } = await import('../../../electron/tray-icon.js');
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('graceful quit', () => {
  it('holds the quit until the core has closed (in-flight proofs finished), then exits', async () => {
    let finishClose: () => void = () => undefined;
    const close = vi.fn(() => new Promise<void>((resolve) => (finishClose = resolve)));
    const exit = vi.fn();
    const q = gracefulQuit({ close }, exit, () => undefined);
    const first = { preventDefault: vi.fn() };
    q.onBeforeQuit(first);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(q.quitting).toBe(true);
    const again = { preventDefault: vi.fn() };
    q.onBeforeQuit(again); // a second Quit click while proofs finish
    expect(again.preventDefault).toHaveBeenCalled();
    expect(close).toHaveBeenCalledTimes(1);
    expect(exit).not.toHaveBeenCalled();
    finishClose();
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0));
  });

  it('still exits, non-zero, when closing fails', async () => {
    const exit = vi.fn();
    const q = gracefulQuit({ close: async () => Promise.reject(new Error('stuck')) }, exit, () => undefined);
    q.onBeforeQuit({ preventDefault: vi.fn() });
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(1));
  });
});

describe('tray', () => {
  const actions = {
    show: vi.fn(),
    startMining: vi.fn(),
    stopMining: vi.fn(),
    restartToUpdate: vi.fn(),
    quit: vi.fn(),
  };
  const item = (items: ReturnType<typeof trayMenu>, label: string) =>
    items.find((i) => i.label?.startsWith(label));

  it('offers Start only when stopped and Stop only when running', () => {
    const stopped = trayMenu({ miner: 'stopped', validator: 'stopped', update: { kind: 'idle' } }, actions);
    expect(item(stopped, 'Start mining')?.enabled).toBe(true);
    expect(item(stopped, 'Stop mining')?.enabled).toBe(false);
    const running = trayMenu({ miner: 'running', validator: 'stopped', update: { kind: 'idle' } }, actions);
    expect(item(running, 'Start mining')?.enabled).toBe(false);
    expect(item(running, 'Stop mining')?.enabled).toBe(true);
    expect(item(running, 'Miner: running')).toBeDefined();
  });

  it('shows "Restart to update" only when an update is ready, and update errors plainly', () => {
    const idle = trayMenu({ miner: 'running', validator: 'stopped', update: { kind: 'idle' } }, actions);
    expect(item(idle, 'Restart to update')).toBeUndefined();
    const ready = trayMenu(
      { miner: 'running', validator: 'stopped', update: { kind: 'ready', version: '1.2.0' } },
      actions,
    );
    expect(item(ready, 'Restart to update (1.2.0)')?.click).toBe(actions.restartToUpdate);
    const failed = trayMenu(
      { miner: 'running', validator: 'stopped', update: { kind: 'error', message: 'no network' } },
      actions,
    );
    expect(item(failed, 'Update failed: no network')).toBeDefined();
  });

  it('says the status in the tooltip and colours the icon', () => {
    expect(trayTooltip({ miner: 'unavailable', validator: 'running', update: { kind: 'idle' } })).toBe(
      'Subnet 2 Desktop — miner not available, validator running',
    );
    const running = trayIconBitmap('running', 8);
    const error = trayIconBitmap('error', 8);
    expect(running.length).toBe(8 * 8 * 4);
    expect(running.equals(error)).toBe(false);
  });
});

describe('run at login and start minimised', () => {
  it('is opt-in and passes the hidden flag when minimised', () => {
    const app = { setLoginItemSettings: vi.fn() };
    applyLoginItem(app, {
      runAtLogin: false,
      startMinimized: false,
      updateChannel: 'stable',
      notifications: true,
    });
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({
      openAtLogin: false,
      openAsHidden: false,
      args: [],
    });
    applyLoginItem(app, {
      runAtLogin: true,
      startMinimized: true,
      updateChannel: 'stable',
      notifications: true,
    });
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({
      openAtLogin: true,
      openAsHidden: true,
      args: [START_HIDDEN_ARG],
    });
    const visible = {
      runAtLogin: true,
      startMinimized: false,
      updateChannel: 'stable' as const,
      notifications: true,
    };
    expect(startHidden(['electron', '.'], visible)).toBe(false);
    expect(startHidden(['electron', '.', START_HIDDEN_ARG], visible)).toBe(true);
  });
});

describe('app:// protocol', () => {
  const root = mkdtempSync(join(tmpdir(), 'sn2-app-'));
  mkdirSync(join(root, 'dist', 'assets'), { recursive: true });
  writeFileSync(join(root, 'dist', 'index.html'), 'x');
  writeFileSync(join(root, 'dist', 'assets', 'a.js'), 'x');
  writeFileSync(join(root, 'outside.txt'), 'x');
  const dist = join(root, 'dist');

  it('maps app://renderer/ paths to files in the renderer folder', () => {
    expect(appUrlToFile(dist, 'app://renderer/')).toBe(join(dist, 'index.html'));
    expect(appUrlToFile(dist, 'app://renderer/assets/a.js')).toBe(join(dist, 'assets', 'a.js'));
  });

  it('refuses other hosts, schemes, missing files and any path out of the folder', () => {
    expect(appUrlToFile(dist, 'app://other/index.html')).toBeNull();
    expect(appUrlToFile(dist, 'file:///etc/passwd')).toBeNull();
    expect(appUrlToFile(dist, 'app://renderer/missing.js')).toBeNull();
    expect(appUrlToFile(dist, 'app://renderer/%2e%2e/outside.txt')).toBeNull();
    expect(appUrlToFile(dist, 'app://renderer/assets/..%2f..%2foutside.txt')).toBeNull();
  });
});
