import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MessageBoxOptions } from 'electron';
import { coreChildScript, forkedCoreChild } from '../../integration/supervisor/forked-core.js';

/**
 * electron/main.ts booted with Electron mocked (no Electron binary here) and, behind the mocked
 * `utilityProcess.fork`, the real core in a forked child process.
 */
const h = vi.hoisted(() => ({
  home: '',
  failFork: false,
  forkedPaths: [] as string[],
  children: [] as Array<{ proc: { exitCode: number | null } }>,
  windows: [] as unknown[],
  appHandlers: new Map<string, (...args: unknown[]) => void>(),
  ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
  boxes: [] as MessageBoxOptions[],
  clicks: [] as string[],
}));

vi.mock('electron-updater', () => ({ autoUpdater: { on: () => undefined } }));
vi.mock('electron', async () => {
  const fn = () => undefined;
  class BrowserWindow {
    webContents = { send: fn, isDestroyed: () => false };
    constructor() {
      h.windows.push(this);
    }
    once = fn;
    on = fn;
    show = fn;
    focus = fn;
    hide = fn;
    isDestroyed = () => false;
    loadURL = async () => undefined;
  }
  class Tray {
    setImage = fn;
    setToolTip = fn;
    setContextMenu = fn;
  }
  return {
    app: {
      requestSingleInstanceLock: () => true,
      on: (name: string, handler: (...args: unknown[]) => void) => h.appHandlers.set(name, handler),
      whenReady: () => Promise.resolve(),
      quit: vi.fn(),
      exit: vi.fn(),
      isPackaged: false,
      setLoginItemSettings: fn,
    },
    BrowserWindow,
    Tray,
    dialog: {
      showMessageBox: async (options: MessageBoxOptions) => {
        h.boxes.push(options);
        return { response: options.buttons?.indexOf(h.clicks.shift() ?? '') ?? -1 };
      },
      showErrorBox: vi.fn(),
    },
    ipcMain: {
      handle: (channel: string, handler: (...args: unknown[]) => unknown) =>
        h.ipcHandlers.set(channel, handler),
      removeHandler: fn,
    },
    Menu: { buildFromTemplate: (t: unknown) => t },
    nativeImage: { createFromBitmap: () => ({}) },
    Notification: { isSupported: () => false },
    powerMonitor: { getSystemIdleTime: () => 0, getSystemIdleState: () => 'active' },
    protocol: { registerSchemesAsPrivileged: fn, handle: fn },
    session: {
      defaultSession: {
        setPermissionRequestHandler: fn,
        setPermissionCheckHandler: fn,
        setDevicePermissionHandler: fn,
        webRequest: { onHeadersReceived: fn, onBeforeRequest: fn },
      },
    },
    shell: { openExternal: fn, showItemInFolder: fn },
    utilityProcess: {
      // A real core in a real child process, with UtilityProcess's message API.
      fork: (modulePath: string) => {
        h.forkedPaths.push(modulePath);
        if (h.failFork) throw new Error('utility process could not start');
        const child = forkedCoreChild(coreChildScript, { SN2_HOME: h.home });
        h.children.push(child);
        const proc = new EventEmitter();
        child.onMessage((m) => proc.emit('message', m));
        child.onExit((code) => proc.emit('exit', code));
        return Object.assign(proc, { postMessage: child.postMessage, kill: () => child.kill() });
      },
    },
  };
});

const electron = await import('electron');

beforeEach(() => {
  vi.resetModules();
  h.forkedPaths.length = 0;
  h.windows.length = 0;
  h.boxes.length = 0;
  h.appHandlers.clear();
  vi.mocked(electron.app.exit).mockClear();
});
afterAll(() => {
  for (const c of h.children) if (c.proc.exitCode === null) (c as unknown as { kill(): void }).kill();
});

describe('desktop boot', () => {
  it('an invalid settings.json: a dialog names field, file and .bak; reset keeps the file aside and the app starts', async () => {
    h.home = mkdtempSync(join(tmpdir(), 'sn2-boot-'));
    const bad = JSON.stringify({ version: 1, axon: { port: 80 } });
    writeFileSync(join(h.home, 'settings.json'), bad);
    h.clicks = ['Reset to defaults'];
    await import('../../../electron/main.js');

    await vi.waitFor(() => expect(h.windows).toHaveLength(1), { timeout: 60_000, interval: 100 });
    expect(h.forkedPaths).toEqual([expect.stringMatching(/core-process\.cjs$/)]);
    expect(h.boxes).toHaveLength(1);
    expect(h.boxes[0].message).toContain('"axon.port"');
    expect(h.boxes[0].detail).toContain(join(h.home, 'settings.json'));
    expect(h.boxes[0].detail).toContain(join(h.home, 'settings.json.bak'));
    expect(readdirSync(h.home).filter((f) => f.startsWith('settings.json.rejected-'))).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(h.home, 'settings.json'), 'utf8')).axon.port).toBe(8091);

    // The renderer's channel reaches the core process.
    const invoke = h.ipcHandlers.get('sn2:invoke');
    const sender = (h.windows[0] as { webContents: unknown }).webContents;
    const reply = await invoke?.(
      { sender, senderFrame: { url: 'app://renderer/index.html', parent: null } },
      { command: 'settings.get', input: {} },
    );
    expect(reply).toMatchObject({ ok: true, result: { axon: { port: 8091 } } });

    // Quit waits for the core process to close, then exits 0.
    const preventDefault = vi.fn();
    h.appHandlers.get('before-quit')?.({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(0), { timeout: 30_000 });
    expect(h.children.at(-1)?.proc.exitCode).toBe(0);
  }, 90_000);

  it('quitting at the settings dialog exits without touching the file', async () => {
    h.home = mkdtempSync(join(tmpdir(), 'sn2-boot-quit-'));
    writeFileSync(join(h.home, 'settings.json'), 'not json');
    h.clicks = ['Quit'];
    await import('../../../electron/main.js');
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(0), { timeout: 60_000 });
    expect(h.windows).toHaveLength(0);
    expect(readFileSync(join(h.home, 'settings.json'), 'utf8')).toBe('not json');
  }, 90_000);

  it('any other boot failure shows an error box and exits 1 instead of dying silently', async () => {
    h.failFork = true;
    await import('../../../electron/main.js');
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(1));
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Subnet 2 Desktop could not start',
      expect.stringContaining('utility process could not start'),
    );
    h.failFork = false;
  });
});
