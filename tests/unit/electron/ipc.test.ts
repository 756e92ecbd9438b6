import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMain, WebContents } from 'electron';
import { CoreService } from '../../../core/service/core-service.js';
import { silentLogger } from '../../../core/contract/logger.js';
import type { BridgeResponse } from '../../../core/contract/bridge.js';
import { dispatchCommand } from '../../../core/service/dispatch-command.js';

vi.mock('electron', () => ({}));
const { registerCoreIpc } = await import('../../../electron/ipc.js');
const { IPC_EVENT, IPC_INVOKE } = await import('../../../electron/channels.js');

type Handler = (event: unknown, envelope: unknown) => Promise<BridgeResponse>;

const contents = (destroyed = false) =>
  ({ send: vi.fn(), isDestroyed: () => destroyed }) as unknown as WebContents & {
    send: ReturnType<typeof vi.fn>;
  };
const mainFrame = (url = 'app://renderer/index.html') => ({ url, parent: null });

let service: CoreService;
let handler: Handler;
let unregister: () => void;
const windowContents = contents();
const closedContents = contents(true);
const ipcMain = {
  handle: vi.fn((channel: string, fn: Handler) => {
    if (channel === IPC_INVOKE) handler = fn;
  }),
  removeHandler: vi.fn(),
};

beforeAll(() => {
  service = new CoreService({ dataDir: mkdtempSync(join(tmpdir(), 'sn2-ipc-')), logger: silentLogger() });
  // The core process answers with the same dispatcher (core/service/core-process-server.ts).
  const bridge = {
    dispatch: (r: unknown) => dispatchCommand(service, r),
    onEvent: service.onEvent.bind(service),
  };
  unregister = registerCoreIpc(ipcMain as unknown as IpcMain, bridge, () => [windowContents, closedContents]);
});
afterAll(async () => {
  unregister();
  await service.close();
});

const fromWindow = (envelope: unknown) =>
  handler({ sender: windowContents, senderFrame: mainFrame() }, envelope);

describe('IPC from the renderer', () => {
  it('serves a valid command from our window', async () => {
    const res = await fromWindow({ command: 'settings.get', input: {} });
    expect(res.ok).toBe(true);
  });

  it.each([
    ['a string', 'settings.get', 'bad-request'],
    ['null', null, 'bad-request'],
    ['an array', ['settings.get', {}], 'bad-request'],
    ['no command', { input: {} }, 'bad-request'],
    ['an extra key', { command: 'settings.get', input: {}, __proto__x: 1 }, 'bad-request'],
    ['an unknown command', { command: 'shell.exec', input: { cmd: 'rm -rf ~' } }, 'unknown-command'],
    [
      'input failing the schema',
      { command: 'wallet.create', input: { name: '../../etc', hotkey: 'h', password: 'p' } },
      'invalid-input',
    ],
    ['input with extra keys', { command: 'app.info', input: { x: 1 } }, 'invalid-input'],
    [
      'a settings patch that is not an object',
      { command: 'settings.update', input: [1, 2] },
      'invalid-input',
    ],
  ])('rejects a malformed message: %s', async (_name, envelope, code) => {
    const res = await fromWindow(envelope);
    expect(res).toMatchObject({ ok: false, error: { code } });
  });

  it('does not let an invalid value reach the settings file', async () => {
    const res = await fromWindow({ command: 'settings.update', input: { axon: { port: 80 } } });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(service.context.settings.load().axon.port).toBe(8091);
  });

  it.each([
    ['another webContents', { sender: contents(), senderFrame: mainFrame() }],
    [
      'a sub-frame',
      { sender: windowContents, senderFrame: { url: 'app://renderer/index.html', parent: {} } },
    ],
    ['a page not from the app', { sender: windowContents, senderFrame: mainFrame('https://evil.example/') }],
    ['a file:// page', { sender: windowContents, senderFrame: mainFrame('file:///tmp/x.html') }],
    ['no frame', { sender: windowContents, senderFrame: null }],
  ])('refuses a message from %s', async (_name, event) => {
    const res = await handler(event, { command: 'settings.get', input: {} });
    expect(res).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});

describe('events to the renderer', () => {
  it('forwards core events to live windows only', () => {
    service.context.emit({ type: 'notification', level: 'info', title: 't', body: 'b' });
    expect(windowContents.send).toHaveBeenCalledWith(IPC_EVENT, {
      type: 'notification',
      level: 'info',
      title: 't',
      body: 'b',
    });
    expect((closedContents as unknown as { send: ReturnType<typeof vi.fn> }).send).not.toHaveBeenCalled();
  });
});
