import { setMaxListeners } from 'node:events';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import type { Logger } from '../../contract/logger.js';
import { RateLimiter } from '../../util/rate-limiter.js';
import { authenticate, whitelistKeys, type AuthPolicy } from './auth-headers.js';
import { PermitCache } from './permit-cache.js';
import { DEFAULT_LIMITS, type ExternalApiLimits } from './limits.js';
import {
  errorResponse,
  parseRpcFrame,
  RpcCode,
  RpcError,
  type RpcCall,
  type RpcResponse,
} from './json-rpc.js';
import { rpcMethodKind, runRpcCall, type RpcMethodDeps } from './rpc-methods.js';
import type { CircuitCatalog, ExternalRequestSink, PermitSource } from './types.js';

export interface ExternalApiServerOptions {
  /** Default 0.0.0.0 (the API is meant to be reached from outside). */
  host?: string;
  /** 0 picks a free port (tests). */
  port: number;
  tls: { certPem: string; keyPem: string };
  sink: ExternalRequestSink;
  catalog: CircuitCatalog;
  permits: PermitSource;
  /** ss58 addresses or 0x public keys allowed without a validator permit. */
  whitelistedPublicKeys: readonly string[];
  /** Testnet: x-netuid names a testnet subnet, mapped to its mainnet netuid for circuit choice. */
  testnet?: boolean;
  logger: Logger;
  limits?: Partial<ExternalApiLimits>;
  nowMs?: () => number;
  /** Called once per answered HTTP request, WebSocket upgrade and RPC call (for metrics). */
  onRequest?: (route: string, status: string) => void;
}

/**
 * The validator's external API (spec §11): `WS /rpc` (JSON-RPC 2.0) and `GET /circuits` over HTTPS.
 * Every refusal is answered (HTTP status or JSON-RPC error) and logged with its reason; no input can
 * throw out of a handler.
 */
export class ExternalApiServer {
  private readonly limits: ExternalApiLimits;
  private readonly wss: WebSocketServer;
  private readonly socketsByIp = new Map<string, number>();
  private socketCount = 0;
  private readonly rpcLimiter: RateLimiter;
  private readonly httpLimiter: RateLimiter;
  private readonly upgradeLimiter: RateLimiter;
  private readonly pendingByOrigin = new Map<string, number>();
  private pending = 0;
  private readonly auth: AuthPolicy;
  private readonly deps: RpcMethodDeps;
  private readonly idleTimer: NodeJS.Timeout;
  private readonly lastSeen = new WeakMap<WebSocket, number>();

  private constructor(
    private readonly server: Server,
    private readonly options: ExternalApiServerOptions,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    const now = options.nowMs ?? Date.now;
    const limiter = (ratePerS: number, burst: number) => new RateLimiter({ ratePerS, burst }, 10_000, now);
    this.rpcLimiter = limiter(this.limits.rpcPerSecond, this.limits.rpcBurst);
    this.httpLimiter = limiter(this.limits.httpPerSecond, this.limits.httpBurst);
    this.upgradeLimiter = limiter(this.limits.upgradePerSecond, this.limits.upgradeBurst);
    this.auth = {
      whitelist: whitelistKeys(options.whitelistedPublicKeys),
      permits: new PermitCache(options.permits, {
        now,
        maxConcurrentLookups: this.limits.maxConcurrentPermitLookups,
      }),
      nowS: () => Math.floor(now() / 1000),
    };
    this.deps = {
      sink: options.sink,
      catalog: options.catalog,
      testnet: options.testnet ?? false,
      queueTimeS: this.limits.queueTimeS,
    };
    this.wss = new WebSocketServer({ noServer: true, maxPayload: this.limits.maxMessageBytes });
    this.idleTimer = setInterval(() => this.closeIdle(), Math.max(1000, this.limits.idleTimeoutMs / 2));
    this.idleTimer.unref();
    server.headersTimeout = this.limits.headersTimeoutMs;
    server.requestTimeout = this.limits.headersTimeoutMs * 3;
    server.on('connection', (socket: Socket) => this.onSocket(socket));
    server.on('request', (req: IncomingMessage, res: ServerResponse) => this.onHttp(req, res));
    server.on(
      'upgrade',
      (req: IncomingMessage, socket: Duplex, head: Buffer) => void this.onUpgrade(req, socket, head),
    );
    server.on('tlsClientError', (err, socket) => {
      this.options.logger.debug(
        { ip: socket.remoteAddress, err: err.message },
        'external api: TLS handshake failed',
      );
    });
  }

  static async start(options: ExternalApiServerOptions): Promise<ExternalApiServer> {
    await cryptoWaitReady();
    const server = createServer({ cert: options.tls.certPem, key: options.tls.keyPem });
    const api = new ExternalApiServer(server, options);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host ?? '0.0.0.0', () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', (err) => options.logger.error({ err: err.message }, 'external api: server error'));
    options.logger.info({ port: api.port }, 'external api: listening');
    return api;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    clearInterval(this.idleTimer);
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private reject(what: Record<string, unknown>, reason: string): void {
    this.options.logger.warn({ ...what, reason }, 'external api: rejected');
  }

  private count(route: string, status: string): void {
    this.options.onRequest?.(route, status);
  }

  private onSocket(socket: Socket): void {
    const ip = socket.remoteAddress ?? 'unknown';
    const perIp = this.socketsByIp.get(ip) ?? 0;
    if (this.socketCount >= this.limits.maxSockets || perIp >= this.limits.maxSocketsPerIp) {
      this.reject(
        { ip },
        this.socketCount >= this.limits.maxSockets
          ? 'too many open sockets'
          : 'too many sockets from this IP',
      );
      this.count('socket', 'refused');
      socket.destroy();
      return;
    }
    this.socketCount++;
    this.socketsByIp.set(ip, perIp + 1);
    socket.once('close', () => {
      this.socketCount--;
      const left = (this.socketsByIp.get(ip) ?? 1) - 1;
      if (left <= 0) this.socketsByIp.delete(ip);
      else this.socketsByIp.set(ip, left);
    });
  }

  private onHttp(req: IncomingMessage, res: ServerResponse): void {
    const ip = req.socket.remoteAddress ?? 'unknown';
    const path = (req.url ?? '/').split('?')[0];
    const send = (status: number, body: unknown, reason?: string) => {
      if (reason) this.reject({ ip, path, status }, reason);
      this.count(`http:${path === '/circuits' || path === '/rpc' ? path : 'other'}`, String(status));
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
        ...(status >= 400 ? { connection: 'close' } : {}),
      });
      res.end(text);
    };
    try {
      if (!this.httpLimiter.take(ip)) return send(429, { error: 'Too many requests' }, 'HTTP rate limit');
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > this.limits.maxMessageBytes || req.headers['transfer-encoding'])
        return send(413, { error: 'Request body too large' }, 'request body over the limit');
      if (path === '/rpc') return send(426, { error: 'Use a WebSocket on /rpc' }, 'plain HTTP on /rpc');
      if (path === '/verify-and-upload')
        return send(501, { error: 'Not implemented' }, 'verify-and-upload is not offered by this validator');
      if (path !== '/circuits') return send(404, { error: 'Not found' }, 'unknown route');
      if (req.method !== 'GET')
        return send(405, { error: 'Method not allowed' }, `${req.method} on /circuits`);
      this.options.catalog.list().then(
        (circuits) =>
          send(
            200,
            circuits.map(({ timeout_s: _t, ...listed }) => listed),
          ),
        (err: unknown) => send(500, { error: 'Circuit list unavailable' }, `catalog failed: ${String(err)}`),
      );
    } catch (err) {
      send(500, { error: 'Internal error' }, `handler failed: ${String(err)}`);
    }
  }

  private async onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const ip = req.socket.remoteAddress ?? 'unknown';
    const refuse = (status: number, text: string, reason: string) => {
      this.reject({ ip, path: req.url, status }, reason);
      this.count('ws:/rpc', String(status));
      if (socket.writable)
        socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
    };
    try {
      // Before any signature check or chain lookup: an upgrade is the expensive way in.
      if (!this.upgradeLimiter.take(ip))
        return refuse(429, 'Too Many Requests', 'WebSocket upgrade rate limit for this IP');
      if ((req.url ?? '').split('?')[0] !== '/rpc')
        return refuse(404, 'Not Found', 'WebSocket on an unknown path');
      const decision = await authenticate(req.headers, this.auth);
      if (!decision.ok) {
        const text = {
          400: 'Bad Request',
          401: 'Unauthorized',
          403: 'Forbidden',
          503: 'Service Unavailable',
        }[decision.status];
        return refuse(decision.status, text, decision.reason);
      }
      if (socket.destroyed) return;
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        this.count('ws:/rpc', '101');
        this.onWebSocket(ws, ip, decision.origin, decision.publicKey, decision.netuid);
      });
    } catch (err) {
      refuse(500, 'Internal Server Error', `upgrade failed: ${String(err)}`);
    }
  }

  private onWebSocket(
    ws: WebSocket,
    ip: string,
    origin: string,
    publicKey: string,
    netuid: number | undefined,
  ): void {
    const closed = new AbortController();
    // One abort listener per pending call; their number is bounded by maxPendingPerOrigin.
    setMaxListeners(this.limits.maxPendingPerOrigin + 10, closed.signal);
    this.lastSeen.set(ws, Date.now());
    ws.on('close', () => closed.abort(new Error('caller disconnected')));
    ws.on('error', (err) => this.reject({ ip, origin }, `WebSocket error: ${err.message}`));
    ws.on('pong', () => this.lastSeen.set(ws, Date.now()));
    ws.on('message', (data, isBinary) => {
      this.lastSeen.set(ws, Date.now());
      if (isBinary) {
        this.reject({ ip, origin }, 'binary frame on /rpc');
        ws.close(1003, 'text frames only');
        return;
      }
      const text = Buffer.isBuffer(data)
        ? data.toString('utf8')
        : Buffer.concat(data as Buffer[]).toString('utf8');
      this.onFrame(text, { ip, origin, publicKey, netuid, signal: closed.signal }).then(
        (reply) => {
          if (reply !== undefined && ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
        },
        (err: unknown) => this.reject({ ip, origin }, `frame handler failed: ${String(err)}`),
      );
    });
  }

  private async onFrame(
    text: string,
    caller: {
      ip: string;
      origin: string;
      publicKey: string;
      netuid: number | undefined;
      signal: AbortSignal;
    },
  ): Promise<RpcResponse | RpcResponse[] | undefined> {
    const { batch, items } = parseRpcFrame(text, this.limits.maxBatch);
    const replies = await Promise.all(
      items.map(async (item): Promise<RpcResponse | undefined> => {
        if ('ignored' in item) {
          this.reject({ ip: caller.ip, origin: caller.origin }, item.ignored);
          return undefined;
        }
        if ('reply' in item) {
          const e = 'error' in item.reply ? item.reply.error : undefined;
          this.reject(
            { ip: caller.ip, origin: caller.origin, code: e?.code },
            `${e?.message}: ${e?.data ?? ''}`,
          );
          this.count('rpc:invalid', String(e?.code));
          return item.reply;
        }
        return this.runCall(item.call, caller);
      }),
    );
    const sent = replies.filter((r): r is RpcResponse => r !== undefined);
    if (batch) return sent.length > 0 ? sent : undefined;
    return sent[0];
  }

  private async runCall(
    call: RpcCall,
    caller: {
      ip: string;
      origin: string;
      publicKey: string;
      netuid: number | undefined;
      signal: AbortSignal;
    },
  ): Promise<RpcResponse | undefined> {
    // A metrics label is a caller-chosen string only when it names a method we serve (bounded label set).
    const route = `rpc:${rpcMethodKind(call.method) ? call.method : 'unknown'}`;
    const answer = (reply: RpcResponse | undefined) => (call.id === undefined ? undefined : reply);
    const fail = (err: RpcError) => {
      this.reject(
        { ip: caller.ip, origin: caller.origin, method: call.method, code: err.code },
        `${err.message}${err.data ? `: ${err.data}` : ''}`,
      );
      this.count(route, String(err.code));
      return answer(errorResponse(call.id ?? null, err));
    };
    if (!this.rpcLimiter.take(caller.publicKey))
      return fail(new RpcError(RpcCode.tooManyRequests, 'Too many requests', 'rate limit for this hotkey'));
    const mine = this.pendingByOrigin.get(caller.publicKey) ?? 0;
    if (this.pending >= this.limits.maxPending || mine >= this.limits.maxPendingPerOrigin)
      return fail(
        new RpcError(RpcCode.tooManyRequests, 'Too many requests', 'too many requests waiting for proofs'),
      );
    this.pending++;
    this.pendingByOrigin.set(caller.publicKey, mine + 1);
    try {
      const result = await runRpcCall(call, caller, this.deps);
      this.count(route, 'ok');
      this.options.logger.info(
        { origin: caller.origin, method: call.method, hash: result.hash },
        'external api: request served',
      );
      return answer({ jsonrpc: '2.0', id: call.id ?? null, result });
    } catch (err) {
      return fail(
        err instanceof RpcError ? err : new RpcError(RpcCode.internalError, 'Internal error', String(err)),
      );
    } finally {
      this.pending--;
      const left = (this.pendingByOrigin.get(caller.publicKey) ?? 1) - 1;
      if (left <= 0) this.pendingByOrigin.delete(caller.publicKey);
      else this.pendingByOrigin.set(caller.publicKey, left);
    }
  }

  private closeIdle(): void {
    const now = Date.now();
    for (const ws of this.wss.clients) {
      const seen = this.lastSeen.get(ws) ?? now;
      if (now - seen > this.limits.idleTimeoutMs) {
        this.reject({}, 'idle WebSocket closed');
        ws.terminate();
      } else if (ws.readyState === ws.OPEN) ws.ping();
    }
  }

  /** Calls waiting for a proof right now (a queue-depth figure for metrics). */
  get pendingRequests(): number {
    return this.pending;
  }
}
