import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  BRIDGE_EVENTS_PATH,
  BRIDGE_EVENTS_PROTOCOL,
  BRIDGE_INVOKE_PATH,
  BRIDGE_TOKEN_FRAGMENT_KEY,
  BRIDGE_TOKEN_PROTOCOL_PREFIX,
  type BridgeResponse,
} from '../contract/bridge.js';
import type { CoreService } from '../service/core-service.js';
import { UserError } from '../util/errors.js';
import { readBody } from '../util/read-body.js';
import { dispatchCommand } from '../service/dispatch-command.js';
import { bearerToken, createBridgeToken, tokenMatches } from './token.js';
import { hostHeaderAllowed, isLoopbackHost } from './host-check.js';
import { SECURITY_HEADERS, serveStatic } from './static-files.js';

export interface UiServerOptions {
  service: Pick<CoreService, 'invoke' | 'onEvent'>;
  /** Folder of the built renderer (vite's `dist/`). */
  staticDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Required to bind anything but a loopback address. */
  allowRemote?: boolean;
  /** Required beyond loopback: the token and wallet mnemonics never cross a network in the clear. */
  tls?: { certPem: string; keyPem: string };
  /** Fixed token (tests); a random one otherwise. */
  token?: string;
}

export interface UiServer {
  readonly host: string;
  readonly port: number;
  readonly token: string;
  /** The URL to open, token included in the fragment. */
  readonly url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
/** A browser tab that stops reading is cut off rather than buffering events without bound. */
const MAX_WS_BUFFER_BYTES = 16 * 1024 * 1024;

/** The directory holding the built renderer next to this checkout / install. */
export const defaultStaticDir = (): string =>
  resolve(process.env.SN2_UI_DIR ?? join(import.meta.dirname, '..', '..', 'dist'));

/**
 * `sn2 ui`: serves the built renderer and a bridge to CoreService: POST /api/invoke (JSON envelopes)
 * and a WebSocket of CoreEvents at /api/events. Every bridge call carries the token; loopback only
 * unless `allowRemote`.
 */
export async function startUiServer(options: UiServerOptions): Promise<UiServer> {
  const host = options.host ?? '127.0.0.1';
  const remote = !isLoopbackHost(host);
  if (remote && !options.allowRemote) {
    throw new UserError(
      `refusing to listen on ${host}: the UI controls your wallet and miner; pass --allow-remote to expose it beyond this computer (served over TLS), or use an SSH tunnel`,
    );
  }
  if (remote && !options.tls) {
    throw new UserError(
      `refusing to serve ${host} without TLS: the token and wallet mnemonics would cross the network in the clear`,
    );
  }
  const tls = remote ? options.tls : undefined;
  const staticDir = resolve(options.staticDir);
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new UserError(
      `the web UI is not built (${join(staticDir, 'index.html')} is missing): run "npm run build"`,
    );
  }
  const token = options.token ?? createBridgeToken();
  const { service } = options;

  const onRequest: RequestListener = (req, res) => {
    if (!hostHeaderAllowed(req.headers.host, host))
      return sendJson(res, 421, denied('bad-request', 'bad Host header'));
    const path = (req.url ?? '/').split('?')[0];
    if (path === BRIDGE_INVOKE_PATH) return void handleInvoke(req, res);
    if (path.startsWith('/api/')) return sendJson(res, 404, denied('bad-request', 'no such endpoint'));
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendJson(res, 405, denied('bad-request', 'method not allowed'));
    serveStatic(staticDir, req, res);
  };
  const server: Server = tls
    ? createTlsServer({ cert: tls.certPem, key: tls.keyPem }, onRequest)
    : createServer(onRequest);

  async function handleInvoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, denied('bad-request', 'use POST'));
    if (!tokenMatches(token, bearerToken(req.headers.authorization))) {
      req.resume();
      return sendJson(
        res,
        401,
        denied('unauthorized', 'missing or wrong token: open the URL printed by "sn2 ui"'),
      );
    }
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req, MAX_BODY_BYTES)).toString('utf8'));
    } catch (err) {
      return sendJson(res, 400, denied('bad-request', (err as Error).message));
    }
    const response = await dispatchCommand(service, body);
    sendJson(res, response.ok ? 200 : statusFor(response.error.code), response);
  }

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 4096,
    handleProtocols: (protocols) => (protocols.has(BRIDGE_EVENTS_PROTOCOL) ? BRIDGE_EVENTS_PROTOCOL : false),
  });
  const clients = new Set<WebSocket>();

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0];
    const offered = String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim());
    const given = offered
      .find((p) => p.startsWith(BRIDGE_TOKEN_PROTOCOL_PREFIX))
      ?.slice(BRIDGE_TOKEN_PROTOCOL_PREFIX.length);
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (path !== BRIDGE_EVENTS_PATH) return refuse('404 Not Found');
    if (!hostHeaderAllowed(req.headers.host, host) || !originAllowed(req)) return refuse('403 Forbidden');
    if (!tokenMatches(token, given)) return refuse('401 Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      ws.on('close', () => clients.delete(ws));
      ws.on('message', () => ws.close(1003, 'this socket only sends events'));
    });
  });

  const unsubscribe = service.onEvent((event) => {
    const text = JSON.stringify(event);
    for (const ws of clients) {
      if (ws.bufferedAmount > MAX_WS_BUFFER_BYTES) ws.terminate();
      else ws.send(text);
    }
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    host,
    port,
    token,
    url: `${tls ? 'https' : 'http'}://${urlHost}:${port}/#${BRIDGE_TOKEN_FRAGMENT_KEY}=${token}`,
    close: () => closeServer(server, wss, clients, unsubscribe),
  };
}

/** A browser always sends Origin on a WebSocket: it must be this server (no cross-site sockets). */
function originAllowed(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true; // not a browser (CLI clients, tests)
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

const denied = (code: 'unauthorized' | 'bad-request', message: string): BridgeResponse => ({
  ok: false,
  error: { code, message },
});

function statusFor(code: string): number {
  switch (code) {
    case 'unauthorized':
      return 401;
    case 'unknown-command':
      return 404;
    case 'unavailable':
      return 501;
    case 'failed':
      return 500;
    default:
      return 400;
  }
}

function sendJson(res: ServerResponse, status: number, body: BridgeResponse): void {
  const text = JSON.stringify(body, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

async function closeServer(
  server: Server,
  wss: WebSocketServer,
  clients: Set<WebSocket>,
  unsubscribe: () => void,
): Promise<void> {
  unsubscribe();
  for (const ws of clients) ws.close(1001, 'server shutting down');
  wss.close();
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
}
