import type { Sn2PreloadApi } from '../../../core/contract/bridge.js';
import type { CommandName, CoreEvent } from '../../../core/contract/index.js';
import { parseEvent, unwrapResponse } from './envelope.js';
import { Listeners } from './listeners.js';
import type { ConnectionState, CoreTransport } from './transport.js';

/** Inside Electron: the preload's `window.sn2`, which forwards to the core in the main process. */
export function electronTransport(api: Sn2PreloadApi): CoreTransport {
  const events = new Listeners<CoreEvent>();
  api.onEvent((raw) => {
    const event = parseEvent(raw);
    if (event) events.emit(event);
  });
  return {
    kind: 'electron',
    connection: 'connected',
    invoke: async <N extends CommandName>(name: N, input: unknown) =>
      unwrapResponse(name, await api.invoke(name, input)),
    onEvent: (listener) => events.add(listener),
    // The main process is always there while the window lives.
    onConnection: (_listener: (state: ConnectionState) => void) => () => undefined,
  };
}
