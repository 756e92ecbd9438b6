// Runs in the sandboxed preload: the only bridge between the page and the main process. It exposes
// exactly two functions and forwards opaque data; the main process validates everything it receives.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from './channels.js';
import type { Sn2PreloadApi } from '../core/contract/bridge.js';

const api: Sn2PreloadApi = {
  invoke: (command, input) => ipcRenderer.invoke(IPC_INVOKE, { command, input }),
  onEvent: (listener) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(IPC_EVENT, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, forward);
    };
  },
};

contextBridge.exposeInMainWorld('sn2', api);
