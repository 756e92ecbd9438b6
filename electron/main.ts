// Main process entry: windows, tray, updater, OS integration, and the supervisor of the core. The core
// (CoreService: miner, validator, provers) runs in its own utility process (`core-process.cjs`), so a
// crash or a slow step there never freezes or takes down the window and tray; the supervisor restarts
// it. Mining continues with the window closed (tray); quitting waits for in-flight proofs.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  powerMonitor,
  protocol,
  session,
  shell,
  Tray,
  utilityProcess,
} from 'electron';
import { autoUpdater } from 'electron-updater';
import { join } from 'node:path';
import type { CoreEvent, RunState, Settings } from '../core/contract/index.js';
import { APP_ORIGIN, IPC_EVENT } from './channels.js';
import { registerAppScheme, serveAppScheme } from './app-protocol.js';
import { hardenSession, lockDownContents, secureWebPreferences } from './security.js';
import { registerCoreIpc } from './ipc.js';
import { gracefulQuit } from './shutdown.js';
import { UpdateController, type UpdateState } from './updater.js';
import { withUpdateCommands } from './update-commands.js';
import { trayMenu, trayTooltip, type TrayState } from './tray-menu.js';
import { trayIconBitmap } from './tray-icon.js';
import { applyLoginItem, startHidden } from './app-settings.js';
import { CoreSupervisor } from './core-supervisor.js';
import { utilityCoreChild } from './core-child.js';
import type { CoreBridge } from './core-bridge.js';
import { commandResult } from './command-result.js';
import { confirmNativePathDialog } from './native-path-dialog.js';
import { settingsProblemDialog } from './settings-problem-dialog.js';
import { forwardIdleState } from './idle-forwarder.js';

registerAppScheme(protocol);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => showWindow());
  // Closing the last window keeps the app (and mining) alive in the tray.
  app.on('window-all-closed', () => undefined);
  app
    .whenReady()
    .then(boot)
    .catch((err: unknown) => {
      dialog.showErrorBox('Subnet 2 Desktop could not start', (err as Error)?.stack ?? String(err));
      app.exit(1);
    });
}

let core: CoreSupervisor;
let window: BrowserWindow | null = null;
let tray: Tray | null = null;
let updates: UpdateController;
let settings: Settings;
const trayState: TrayState = { miner: 'unavailable', validator: 'unavailable', update: { kind: 'idle' } };
let quit: ReturnType<typeof gracefulQuit>;

function log(msg: string): void {
  console.log(`[main] ${msg}`);
}

async function boot(): Promise<void> {
  core = new CoreSupervisor({
    spawn: () =>
      utilityCoreChild(
        utilityProcess.fork(join(__dirname, 'core-process.cjs'), [], {
          serviceName: 'Subnet 2 Desktop core',
          stdio: 'inherit',
        }),
      ),
    confirmNativePath: confirmNativePathDialog(dialog, () => window),
    onSettingsInvalid: settingsProblemDialog(dialog, shell),
    log,
  });
  quit = gracefulQuit(core, (code) => app.exit(code), log);
  app.on('before-quit', (event) => quit.onBeforeQuit(event));
  const started = await core.start();
  if (started === 'quit') return app.exit(0);
  if (started === 'given-up') {
    dialog.showErrorBox('Subnet 2 Desktop could not start its core', 'See the notification and the log.');
    return app.exit(1);
  }
  settings = await core.invoke('settings.get', {});

  serveAppScheme(protocol, join(__dirname, '..', 'dist'));
  hardenSession(session.defaultSession);
  app.on('web-contents-created', (_e, contents) =>
    lockDownContents(contents, (url) => void shell.openExternal(url)),
  );

  // Unpackaged builds have nothing to update from: the core's own update.* answer "unsupported".
  const bridge = app.isPackaged
    ? withUpdateCommands(withSettingsHook(core), () => updates)
    : withSettingsHook(core);
  registerCoreIpc(ipcMain, bridge, () => (window && !window.isDestroyed() ? [window.webContents] : []));
  core.onEvent(onCoreEvent);
  forwardIdleState(powerMonitor, (reading) => core.sendIdle(reading));

  applyLoginItem(app, settings.app);
  updates = new UpdateController({
    updater: autoUpdater,
    channel: settings.app.updateChannel,
    inFlightProofs,
    onState: onUpdateState,
    log,
  });
  if (app.isPackaged) updates.start();

  tray = new Tray(icon('unavailable'));
  await refreshComponentStates();
  if (!startHidden(process.argv, settings.app)) showWindow();
}

function showWindow(): void {
  if (window && !window.isDestroyed()) {
    window.show();
    window.focus();
    return;
  }
  window = new BrowserWindow({
    width: 1200,
    height: 820,
    minWidth: 420,
    minHeight: 480,
    show: false,
    title: 'Subnet 2 Desktop',
    webPreferences: secureWebPreferences(join(__dirname, 'preload.cjs')),
  });
  window.once('ready-to-show', () => window?.show());
  window.on('close', (event) => {
    if (quit.quitting) return;
    event.preventDefault(); // keep mining: hide to the tray
    window?.hide();
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
}

/** Settings changed from the UI take effect at once for the parts the main process owns. */
function withSettingsHook(inner: CoreBridge): CoreBridge {
  return {
    onEvent: (listener) => inner.onEvent(listener),
    dispatch: async (request) => {
      const response = await inner.dispatch(request);
      if (response.ok && (request as { command?: unknown }).command === 'settings.update') {
        settings = commandResult('settings.update', response);
        applyLoginItem(app, settings.app);
        updates.setChannel(settings.app.updateChannel);
      }
      return response;
    },
  };
}

function onCoreEvent(event: CoreEvent): void {
  if (event.type === 'status' && (event.component === 'miner' || event.component === 'validator')) {
    trayState[event.component] = event.state;
    renderTray();
    if (event.state === 'error')
      notify('error', `${event.component} stopped with an error`, event.detail ?? '');
  }
  if (event.type === 'notification') notify(event.level, event.title, event.body, false);
}

function notify(level: 'info' | 'warning' | 'error', title: string, body: string, alsoToWindow = true): void {
  if (settings.app.notifications && Notification.isSupported()) new Notification({ title, body }).show();
  if (alsoToWindow && window && !window.isDestroyed()) {
    const event: CoreEvent = { type: 'notification', level, title, body };
    window.webContents.send(IPC_EVENT, event);
  }
}

function onUpdateState(state: UpdateState): void {
  trayState.update = state;
  renderTray();
  core.emit({ type: 'update', state });
  if (state.kind === 'ready') {
    notify(
      'info',
      `Update ${state.version} is ready`,
      'Choose "Restart to update" in Settings or the tray menu when convenient.',
    );
  }
  if (state.kind === 'error') notify('warning', 'Update check failed', state.message);
}

async function inFlightProofs(): Promise<number> {
  let total = 0;
  for (const name of ['miner.status', 'validator.status'] as const) {
    try {
      total += (await core.invoke(name, {})).inFlight;
    } catch {
      // a role this build does not serve has nothing in flight
    }
  }
  return total;
}

async function refreshComponentStates(): Promise<void> {
  for (const role of ['miner', 'validator'] as const) {
    try {
      trayState[role] = (await core.invoke(`${role}.status`, {})).state;
    } catch {
      trayState[role] = 'unavailable';
    }
  }
  renderTray();
}

function icon(state: RunState | 'unavailable') {
  return nativeImage.createFromBitmap(trayIconBitmap(state), { width: 32, height: 32 });
}

function renderTray(): void {
  if (!tray) return;
  tray.setImage(icon(trayState.miner));
  tray.setToolTip(trayTooltip(trayState));
  tray.setContextMenu(
    Menu.buildFromTemplate(
      trayMenu(trayState, {
        show: showWindow,
        startMining: () =>
          void core
            .invoke('miner.start', {})
            .catch((e: Error) => notify('error', 'Could not start mining', e.message)),
        stopMining: () =>
          void core
            .invoke('miner.stop', {})
            .catch((e: Error) => notify('error', 'Could not stop mining', e.message)),
        restartToUpdate: () =>
          void updates.restartToUpdate().then((r) => {
            if (!r.restarted) notify('info', 'Update postponed', r.reason ?? '');
          }),
        quit: () => app.quit(),
      }),
    ),
  );
}
