import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { RateLimiter } from '../../util/rate-limiter.js';
import type { Sr25519Signer } from '../signer.js';
import { runForward, type Route } from './axon-forward.js';
import { ClientGone, Reject } from './axon-reject.js';
import { headerPairs, readRequestBody, routeName } from './axon-request.js';
import { rejectMalformed, sendError, sendSuccess } from './axon-response.js';
import type { AttachHooks, AxonOptions, AxonRequestEvent } from './axon-types.js';
import { ForwardScheduler, QueueFullError, QueueTimeoutError } from './forward-scheduler.js';
import { fromHeaders } from './headers.js';
import { NonceStore } from './nonce-rules.js';
import { pyFloatRepr } from './python-str.js';
import { publicKeyOf, requestSigningMessage, signatureBytes, sr25519Ready } from './signature.js';
import { BaseSynapse, type SynapseDefinition, type SynapseOf } from './synapse.js';
import { SDK_VERSION_AS_INT } from './version.js';
import { inlineVerifier, VerifyPool, type SignatureVerifier } from './verify-pool.js';

export type { AttachHooks, AxonOptions, AxonRequestEvent, ForwardContext } from './axon-types.js';

export { SDK_VERSION_AS_INT } from './version.js';

const systemClockNs = (): bigint => BigInt(Date.now()) * 1_000_000n;

/**
 * The bittensor axon (server side of the v10 wire protocol, SDK 9.9.0 semantics): one route per
 * attached synapse plus the `/Synapse` ping, the SDK's check order
 * (404 → 500 header parse → 403 blacklist → 401 verify → 408/503 priority queue → 500 body hash
 * → forward) and its status codes, messages and headers. Emits `request` for every request and
 * `error` when the server fails after `start` (only while someone listens: it never crashes the process).
 */
export class Axon extends EventEmitter<{ request: [AxonRequestEvent]; error: [Error] }> {
  readonly uuid = randomUUID();
  private readonly routes = new Map<string, Route>();
  private readonly server: Server;
  private readonly nonces = new NonceStore();
  private readonly scheduler: ForwardScheduler;
  private readonly ipLimiter: RateLimiter | null;
  private readonly hotkeyLimiter: RateLimiter | null;
  private readonly verifier: SignatureVerifier;
  private readonly clockNs: () => bigint;
  private readonly opts: Required<Omit<AxonOptions, 'clockNs' | 'perIpLimit' | 'perHotkeyLimit'>>;
  private readonly stopping = new AbortController();
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly signer: Sr25519Signer,
    options: AxonOptions = {},
  ) {
    super();
    this.opts = {
      port: options.port ?? 8091,
      host: options.host ?? '0.0.0.0',
      version: options.version ?? SDK_VERSION_AS_INT,
      verifyThreads: options.verifyThreads ?? defaultVerifyThreads(),
      maxBodyBytes: options.maxBodyBytes ?? 8 * 1024 * 1024,
      maxHeaderBytes: options.maxHeaderBytes ?? 16 * 1024,
      headersTimeoutMs: options.headersTimeoutMs ?? 10_000,
      requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
      concurrency: options.concurrency ?? 8,
      maxQueue: options.maxQueue ?? 256,
      maxTimeoutS: options.maxTimeoutS ?? 300,
      requireSignature: options.requireSignature ?? true,
    };
    this.clockNs = options.clockNs ?? systemClockNs;
    this.scheduler = new ForwardScheduler(this.opts.concurrency, this.opts.maxQueue);
    const ipLimit = options.perIpLimit === undefined ? { ratePerS: 50, burst: 100 } : options.perIpLimit;
    const hkLimit =
      options.perHotkeyLimit === undefined ? { ratePerS: 20, burst: 40 } : options.perHotkeyLimit;
    this.ipLimiter = ipLimit ? new RateLimiter(ipLimit) : null;
    this.hotkeyLimiter = hkLimit ? new RateLimiter(hkLimit) : null;
    this.verifier = this.opts.verifyThreads > 0 ? new VerifyPool(this.opts.verifyThreads) : inlineVerifier;
    this.server = createServer(
      {
        maxHeaderSize: this.opts.maxHeaderBytes,
        headersTimeout: this.opts.headersTimeoutMs,
        requestTimeout: this.opts.requestTimeoutMs,
        // Node only checks the two timeouts above at this interval (default 30 s).
        connectionsCheckingInterval: Math.max(
          50,
          Math.min(this.opts.headersTimeoutMs, this.opts.requestTimeoutMs) / 4,
        ),
        keepAliveTimeout: 5_000,
      },
      (req, res) => void this.handle(req, res),
    );
    this.server.on('clientError', (err, socket) => this.onClientError(err, socket));
    this.attach(BaseSynapse, { forward: (s) => s });
  }

  /** The axon's own hotkey (ss58): the one requests must be signed for. */
  get hotkey(): string {
    return this.signer.address;
  }

  /** Serves `def` at `/<def.name>`. Attach order is the order listed in 404 messages. */
  attach<D extends SynapseDefinition>(def: D, hooks: AttachHooks<D>): this {
    this.routes.set(def.name, { def, hooks: hooks as unknown as AttachHooks<SynapseDefinition> });
    return this;
  }

  async start(): Promise<{ host: string; port: number }> {
    await sr25519Ready();
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.opts.port, this.opts.host, () => {
        this.server.off('error', reject);
        this.server.on('error', (err) => this.onServerError(err));
        resolve();
      });
    });
    this.sweeper = setInterval(() => this.nonces.prune(this.clockNs()), 60_000).unref();
    const addr = this.server.address();
    return { host: this.opts.host, port: typeof addr === 'object' && addr ? addr.port : this.opts.port };
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    clearInterval(this.sweeper);
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    await this.verifier.close();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const t0 = performance.now();
    const peerIp = req.socket.remoteAddress ?? '';
    const peerPort = req.socket.remotePort ?? null;
    const route = routeName(req.url ?? '');
    const timings: AxonRequestEvent['timings'] = { totalMs: 0 };
    let def: SynapseDefinition = BaseSynapse;
    let synapse: SynapseOf<SynapseDefinition> | null = null;
    try {
      if (this.ipLimiter && !this.ipLimiter.take(peerIp, t0)) {
        throw new Reject(429, `Too many requests from ${peerIp}`);
      }
      const r = this.routes.get(route);
      if (!r) {
        throw new Reject(
          404,
          `Synapse name '${route}' not found. Available synapses [${[...this.routes.keys()].map((n) => `'${n}'`).join(', ')}]`,
        );
      }
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > this.opts.maxBodyBytes)
        throw new Reject(413, `Request body over ${this.opts.maxBodyBytes} bytes`);

      try {
        synapse = fromHeaders(r.def, headerPairs(req.rawHeaders));
      } catch (err) {
        throw new Reject(500, '', err);
      }
      def = r.def;
      synapse.axon.version = this.opts.version;
      synapse.axon.uuid = this.uuid;
      synapse.axon.nonce = this.clockNs();
      synapse.axon.status_code = 100;
      synapse.dendrite.ip = peerIp;
      synapse.dendrite.port = peerPort;

      if (r.hooks.blacklist) {
        const [blocked, reason] = await r.hooks.blacklist(synapse);
        if (blocked) throw new Reject(403, `Forbidden. Key is blacklisted: ${reason}.`);
      }

      const body = await readRequestBody(req, this.opts.maxBodyBytes);

      const tv = performance.now();
      try {
        if (r.hooks.verify) await r.hooks.verify(synapse);
        else await this.defaultVerify(synapse);
      } catch (err) {
        throw new Reject(401, `Not Verified with error: ${err instanceof Error ? err.message : String(err)}`);
      }
      timings.verifyMs = performance.now() - tv;
      const hotkey = synapse.dendrite.hotkey ?? '';
      if (this.hotkeyLimiter && !this.hotkeyLimiter.take(hotkey, performance.now())) {
        throw new Reject(429, `Too many requests from hotkey ${hotkey}`);
      }

      const timeoutS = this.effectiveTimeout(synapse.timeout, 12);
      const tq = performance.now();
      let release: () => void;
      try {
        const priority = r.hooks.priority ? await r.hooks.priority(synapse) : 0;
        release = await this.scheduler.acquire(priority, timeoutS * 1000);
      } catch (err) {
        if (err instanceof QueueTimeoutError)
          throw new Reject(408, `Response timeout after: ${pyFloatRepr(timeoutS)}s`);
        if (err instanceof QueueFullError) throw new Reject(503, err.message);
        throw new Reject(503, `Priority error: ${err instanceof Error ? err.message : String(err)}`);
      }
      timings.queueMs = performance.now() - tq;
      try {
        const reply = await runForward({
          route: r,
          headerSynapse: synapse,
          body,
          peerIp,
          hotkey,
          timeoutS,
          stopping: this.stopping.signal,
          timings,
        });
        sendSuccess(res, r.def, reply, t0);
        this.emitEvent(
          req,
          route,
          reply.axon.status_code ?? 200,
          reply.axon.status_message ?? '',
          synapse,
          t0,
          timings,
        );
      } finally {
        release();
      }
    } catch (err) {
      if (err instanceof ClientGone) {
        this.emitEvent(req, route, 499, 'client closed the connection', synapse, t0, timings);
        return;
      }
      const reject = err instanceof Reject ? err : new Reject(500, '', err);
      const errorId = reject.status === 500 ? randomUUID() : undefined;
      const message = errorId ? `Internal Server Error #${errorId}` : reject.message;
      sendError(res, reject.status, message, def, synapse, t0, reject.status === 413);
      this.emitEvent(req, route, reject.status, message, synapse, t0, timings, errorId, reject.internal);
    }
  }

  private effectiveTimeout(timeout: number | null, fallback: number): number {
    const t = timeout ?? fallback;
    return Number.isFinite(t) ? Math.min(Math.max(t, 0), this.opts.maxTimeoutS) : 0;
  }

  /** Python's `default_verify`: nonce rules, then the signature over the axon's own hotkey. */
  private async defaultVerify(synapse: SynapseOf<SynapseDefinition>): Promise<void> {
    const d = synapse.dendrite;
    if (!d.hotkey) throw new Error('No SS58 formatted address or public key provided.');
    const publicKey = publicKeyOf(d.hotkey);
    const key = `${d.hotkey}:${d.uuid}`;
    const windowS = this.effectiveTimeout(synapse.timeout, 0);
    this.nonces.check(key, d.nonce, d.version, windowS, this.clockNs());
    const nonce = d.nonce as bigint;
    const message = requestSigningMessage(
      nonce,
      d.hotkey,
      this.hotkey,
      String(d.uuid),
      String(synapse.computed_body_hash),
    );
    if (!d.signature) {
      if (this.opts.requireSignature) throw new Error('Missing Signature');
    } else if (!(await this.verifier.verify(publicKey, message, signatureBytes(d.signature)))) {
      throw new Error(`Signature mismatch with ${message} and ${d.signature}`);
    }
    // Re-checked after the (asynchronous) verification so two copies of one request cannot both pass.
    this.nonces.check(key, nonce, null, windowS, this.clockNs());
    this.nonces.accept(key, nonce, this.clockNs());
  }

  private onServerError(err: Error): void {
    if (!this.listenerCount('error')) return;
    try {
      this.emit('error', err);
    } catch {
      // listener bug: ignored on purpose
    }
  }

  private onClientError(
    err: NodeJS.ErrnoException,
    socket: Duplex & { remoteAddress?: string; remotePort?: number },
  ): void {
    const status = rejectMalformed(socket, err.code);
    this.safeEmit({
      at: new Date().toISOString(),
      route: '',
      status,
      message: err.code ?? err.message,
      peerIp: socket.remoteAddress ?? '',
      peerPort: socket.remotePort ?? null,
      hotkey: null,
      uuid: null,
      nonce: null,
      timings: { totalMs: 0 },
    });
  }

  private emitEvent(
    req: IncomingMessage,
    route: string,
    status: number,
    message: string,
    synapse: SynapseOf<SynapseDefinition> | null,
    t0: number,
    timings: AxonRequestEvent['timings'],
    errorId?: string,
    internal?: unknown,
  ): void {
    if (!this.listenerCount('request')) return;
    timings.totalMs = performance.now() - t0;
    const event: AxonRequestEvent = {
      at: new Date().toISOString(),
      route,
      status,
      message,
      peerIp: req.socket.remoteAddress ?? '',
      peerPort: req.socket.remotePort ?? null,
      hotkey: synapse?.dendrite.hotkey ?? null,
      uuid: synapse?.dendrite.uuid ?? null,
      nonce: synapse?.dendrite.nonce?.toString() ?? null,
      timings,
    };
    if (errorId) event.errorId = errorId;
    if (internal !== undefined)
      event.internalError = internal instanceof Error ? internal.message : String(internal);
    this.safeEmit(event);
  }

  // A throwing listener must not take a request (or the process) down with it.
  private safeEmit(event: AxonRequestEvent): void {
    try {
      this.emit('request', event);
    } catch {
      // listener bug: ignored on purpose
    }
  }
}

// Measured (docs/BENCHMARKS.md): on 2 cores, 2 verify threads beside the HTTP thread serve the most
// signed requests; one core gains nothing from a worker.
function defaultVerifyThreads(): number {
  const cores = availableParallelism();
  return cores > 1 ? Math.min(4, cores) : 0;
}
