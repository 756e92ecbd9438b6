import {
  BRIDGE_EVENTS_PATH,
  BRIDGE_EVENTS_PROTOCOL,
  BRIDGE_INVOKE_PATH,
  BRIDGE_TOKEN_PROTOCOL_PREFIX,
} from '../../../core/contract/bridge.js';
import type { CommandName, CoreEvent } from '../../../core/contract/index.js';
import { parseEvent, unwrapResponse } from './envelope.js';
import { Listeners } from './listeners.js';
import { CoreCallError, type ConnectionState, type CoreTransport } from './transport.js';

const MAX_BACKOFF_MS = 10_000;

/**
 * In a browser against `sn2 ui`: commands as POST /api/invoke with the token as a bearer header,
 * events over one WebSocket that reconnects with back-off. `origin` is the page's own origin.
 */
export function webTransport(origin: string, token: string): CoreTransport {
  const events = new Listeners<CoreEvent>();
  const connections = new Listeners<ConnectionState>();
  let connection: ConnectionState = 'connecting';
  let backoff = 500;

  const setConnection = (state: ConnectionState) => {
    if (state === connection) return;
    connection = state;
    connections.emit(state);
  };

  const connect = () => {
    const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}${BRIDGE_EVENTS_PATH}`, [
      BRIDGE_EVENTS_PROTOCOL,
      `${BRIDGE_TOKEN_PROTOCOL_PREFIX}${token}`,
    ]);
    ws.onopen = () => {
      backoff = 500;
      setConnection('connected');
    };
    ws.onmessage = (msg) => {
      if (typeof msg.data !== 'string') return;
      let raw: unknown;
      try {
        raw = JSON.parse(msg.data);
      } catch {
        return;
      }
      const event = parseEvent(raw);
      if (event) events.emit(event);
    };
    ws.onclose = () => {
      if (connection === 'unauthorized') return;
      setConnection('reconnecting');
      setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    };
  };
  connect();

  const transport: CoreTransport = {
    kind: 'web',
    get connection() {
      return connection;
    },
    async invoke<N extends CommandName>(name: N, input: unknown) {
      let res: Response;
      try {
        res = await fetch(`${origin}${BRIDGE_INVOKE_PATH}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ command: name, input: input ?? {} }),
        });
      } catch {
        throw new CoreCallError('failed', 'cannot reach the sn2 ui server: is it still running?', name);
      }
      if (res.status === 401) setConnection('unauthorized');
      let body: unknown;
      try {
        body = await res.json();
      } catch {
        throw new CoreCallError('failed', `the server answered ${res.status} without a JSON body`, name);
      }
      return unwrapResponse(name, body);
    },
    onEvent: (listener) => events.add(listener),
    onConnection: (listener) => connections.add(listener),
  };
  return transport;
}
