import { describe, expect, it, vi } from 'vitest';
import type { Sn2PreloadApi } from '../../../core/contract/bridge.js';

const exposed: Record<string, unknown> = {};
const ipcRenderer = {
  invoke: vi.fn(async () => ({ ok: true, result: 1 })),
  on: vi.fn(),
  removeListener: vi.fn(),
};
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer,
}));

await import('../../../electron/preload.js');
const { IPC_EVENT, IPC_INVOKE } = await import('../../../electron/channels.js');

describe('preload', () => {
  it('exposes exactly one narrow API, window.sn2, with invoke and onEvent', () => {
    expect(Object.keys(exposed)).toEqual(['sn2']);
    expect(Object.keys(exposed.sn2 as object).sort()).toEqual(['invoke', 'onEvent']);
  });

  it('sends commands as one envelope on the invoke channel (no raw ipcRenderer for the page)', async () => {
    const api = exposed.sn2 as Sn2PreloadApi;
    await expect(api.invoke('app.info', {})).resolves.toEqual({ ok: true, result: 1 });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IPC_INVOKE, { command: 'app.info', input: {} });
  });

  it('passes only the payload of events to the page, and unsubscribes', () => {
    const api = exposed.sn2 as Sn2PreloadApi;
    const listener = vi.fn();
    const off = api.onEvent(listener);
    const [channel, forward] = ipcRenderer.on.mock.calls[0] as unknown as [
      string,
      (e: unknown, p: unknown) => void,
    ];
    expect(channel).toBe(IPC_EVENT);
    forward({ sender: 'ipc internals' }, { type: 'log' });
    expect(listener).toHaveBeenCalledWith({ type: 'log' });
    off();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(IPC_EVENT, forward);
  });
});
