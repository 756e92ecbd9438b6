// Main process entry. The core (CoreService) runs here, in the main process: it is plain async Node
// that spends its time in I/O, while proofs run in worker threads the prover pool owns, so the UI
// thread is never blocked by proving. Mining continues with the window closed (tray); quitting waits
// for in-flight proofs.
import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  protocol,
  session,
  shell,
  Tray,
} from 'electron';
import { autoUpdater } from 'electron-updater';
import { join } from 'node:path';
import { CoreService } from '../core/service/core-service.js';
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

registerAppScheme(protocol);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => showWindow());
  // Closing the last window keeps the app (and mining) alive in the tray.
  app.on('window-all-closed', () => undefined);
  void app.whenReady().then(boot);
}

let service: CoreService;
let window: BrowserWindow | null = null;
let tray: Tray | null = null;
let updates: UpdateController;
let settings: Settings;
const trayState: TrayState = { miner: 'unavailable', validator: 'unavailable', update: { kind: 'idle' } };
let quit: ReturnType<typeof gracefulQuit>;

function log(msg: string): void {
  service?.context.logger.info({ component: 'electron' }, msg);
}

async function boot(): Promise<void> {
  service = new CoreService();
  settings = await service.invoke('settings.get', {});
  quit = gracefulQuit(service, (code) => app.exit(code), log);
  app.on('before-quit', (event) => quit.onBeforeQuit(event));

  serveAppScheme(protocol, join(__dirname, '..', 'dist'));
  hardenSession(session.defaultSession);
  app.on('web-contents-created', (_e, contents) =>
    lockDownContents(contents, (url) => void shell.openExternal(url)),
  );

  // Unpackaged builds have nothing to update from: the core's own update.* answer "unsupported".
  const core = app.isPackaged
    ? withUpdateCommands(withSettingsHook(service), () => updates)
    : withSettingsHook(service);
  registerCoreIpc(ipcMain, core, () => (window && !window.isDestroyed() ? [window.webContents] : []));
  service.onEvent(onCoreEvent);

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
function withSettingsHook(core: CoreService): Pick<CoreService, 'invoke' | 'onEvent'> {
  return {
    onEvent: (listener) => core.onEvent(listener),
    invoke: async (name, input) => {
      const out = await core.invoke(name, input);
      if (name === 'settings.update') {
        settings = out as Settings;
        applyLoginItem(app, settings.app);
        updates.setChannel(settings.app.updateChannel);
      }
      return out;
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
  service.context.emit({ type: 'update', state });
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
      total += (await service.invoke(name, {})).inFlight;
    } catch {
      // a role this build does not serve has nothing in flight
    }
  }
  return total;
}

async function refreshComponentStates(): Promise<void> {
  for (const role of ['miner', 'validator'] as const) {
    try {
      trayState[role] = (await service.invoke(`${role}.status`, {})).state;
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
          void service
            .invoke('miner.start', {})
            .catch((e: Error) => notify('error', 'Could not start mining', e.message)),
        stopMining: () =>
          void service
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
