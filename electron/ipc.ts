// Main process: the IPC end of the preload API. Every message is checked for its sender (our own
// window showing our own page); the core process validates the envelope against the contract.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { BridgeResponse } from '../core/contract/bridge.js';
import type { CoreEvent } from '../core/contract/index.js';
import type { CoreBridge } from './core-bridge.js';
import { IPC_EVENT, IPC_INVOKE } from './channels.js';
import { isAppUrl } from './security.js';

/** A sender is trusted when it is the main frame of a window we created, showing the bundled app. */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>,
  trusted: () => WebContents[],
): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (!trusted().includes(event.sender)) return false;
  return isAppUrl(frame.url);
}

export function registerCoreIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  core: CoreBridge,
  trustedContents: () => WebContents[],
): () => void {
  ipcMain.handle(IPC_INVOKE, async (event, envelope: unknown): Promise<BridgeResponse> => {
    if (!isTrustedSender(event, trustedContents)) {
      return {
        ok: false,
        error: { code: 'unauthorized', message: 'message from an untrusted frame refused' },
      };
    }
    return core.dispatch(envelope);
  });
  const unsubscribe = core.onEvent((coreEvent: CoreEvent) => {
    for (const contents of trustedContents()) {
      if (!contents.isDestroyed()) contents.send(IPC_EVENT, coreEvent);
    }
  });
  return () => {
    ipcMain.removeHandler(IPC_INVOKE);
    unsubscribe();
  };
}
