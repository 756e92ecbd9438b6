import { ApiPromise, WsProvider } from '@polkadot/api';
import { ChainUnavailableError, NotSubtensorError } from './errors.js';
import { NonceManager } from './nonce-manager.js';
import { SUBTENSOR_SIGNED_EXTENSIONS } from './signed-extensions.js';

/** The contract's `chain` event, minus its type tag. */
export interface ChainHealth {
  state: 'connecting' | 'connected' | 'disconnected' | 'error';
  endpoint: string;
  latencyMs?: number;
  block?: number;
  detail?: string;
}

export interface ChainClientOptions {
  /** Give up the first connection after this long. Default 15 s. */
  connectTimeoutMs?: number;
  /** Latency probe period. Default 12 s (one block). 0 disables. */
  healthIntervalMs?: number;
  /** Reconnect back-off: first delay, doubled up to the max. Defaults 1 s → 30 s. */
  backoffMs?: { initial: number; max: number };
  onHealth?: (health: ChainHealth) => void;
}

/**
 * One connection to a subtensor node: metadata-driven `ApiPromise`, reconnect with exponential
 * back-off, periodic latency/block probes reported through `onHealth`, a shared nonce manager.
 */
export class ChainClient {
  readonly nonces: NonceManager;
  private healthTimer?: NodeJS.Timeout;
  private reconnectTimer?: NodeJS.Timeout;
  private backoff: number;
  private closed = false;

  private constructor(
    readonly endpoint: string,
    readonly api: ApiPromise,
    private readonly provider: WsProvider,
    private readonly options: ChainClientOptions,
  ) {
    this.nonces = new NonceManager(api);
    this.backoff = options.backoffMs?.initial ?? 1_000;
    provider.on('disconnected', () => this.onDisconnected());
    provider.on('connected', () => {
      this.backoff = this.options.backoffMs?.initial ?? 1_000;
      void this.probe();
    });
    const every = options.healthIntervalMs ?? 12_000;
    if (every > 0) {
      this.healthTimer = setInterval(() => void this.probe(), every);
      this.healthTimer.unref();
    }
  }

  static async connect(endpoint: string, options: ChainClientOptions = {}): Promise<ChainClient> {
    options.onHealth?.({ state: 'connecting', endpoint });
    const provider = new WsProvider(endpoint, false);
    const timeoutMs = options.connectTimeoutMs ?? 15_000;
    try {
      await withTimeout(firstConnection(provider, endpoint), timeoutMs, endpoint);
      const api = await withTimeout(
        ApiPromise.create({
          provider,
          noInitWarn: true,
          throwOnConnect: true,
          signedExtensions: SUBTENSOR_SIGNED_EXTENSIONS,
        }),
        timeoutMs,
        endpoint,
      );
      if (!api.tx.subtensorModule || !api.query.subtensorModule) {
        const specName = api.runtimeVersion.specName.toString();
        await api.disconnect();
        throw new NotSubtensorError(endpoint, specName);
      }
      const client = new ChainClient(endpoint, api, provider, options);
      await client.probe();
      return client;
    } catch (err) {
      await provider.disconnect().catch(() => undefined);
      const health = { state: 'error' as const, endpoint, detail: (err as Error).message };
      options.onHealth?.(health);
      if (err instanceof NotSubtensorError || err instanceof ChainUnavailableError) throw err;
      throw new ChainUnavailableError(endpoint, (err as Error).message, { cause: err });
    }
  }

  /** Measure one round trip (chain_getHeader) and report the head block. */
  async probe(): Promise<ChainHealth> {
    const t0 = performance.now();
    let health: ChainHealth;
    try {
      const header = await this.api.rpc.chain.getHeader();
      health = {
        state: 'connected',
        endpoint: this.endpoint,
        latencyMs: Math.round(performance.now() - t0),
        block: header.number.toNumber(),
      };
    } catch (err) {
      health = {
        state: this.provider.isConnected ? 'error' : 'disconnected',
        endpoint: this.endpoint,
        detail: (err as Error).message,
      };
    }
    this.options.onHealth?.(health);
    return health;
  }

  private onDisconnected(): void {
    if (this.closed) return;
    const delay = this.backoff;
    this.backoff = Math.min(this.backoff * 2, this.options.backoffMs?.max ?? 30_000);
    this.options.onHealth?.({
      state: 'disconnected',
      endpoint: this.endpoint,
      detail: `reconnecting in ${Math.round(delay / 1000)} s`,
    });
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      if (this.closed) return;
      this.options.onHealth?.({ state: 'connecting', endpoint: this.endpoint });
      this.provider.connect().catch(() => this.onDisconnected());
    }, delay);
    this.reconnectTimer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.healthTimer);
    clearTimeout(this.reconnectTimer);
    await this.api.disconnect();
  }
}

function firstConnection(provider: WsProvider, endpoint: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const offConnected = provider.on('connected', () => {
      offError();
      resolve();
    });
    const offError = provider.on('error', (err: unknown) => {
      offConnected();
      reject(new ChainUnavailableError(endpoint, describeSocketError(err), { cause: err }));
    });
    provider.connect().catch(reject);
  });
}

function describeSocketError(err: unknown): string {
  const text = err instanceof Error ? err.message : String((err as { message?: unknown })?.message ?? err);
  if (/ECONNREFUSED/.test(text)) return 'connection refused (is the node running?)';
  if (/ENOTFOUND|EAI_AGAIN/.test(text)) return 'host not found';
  if (/Unexpected server response|handshake/i.test(text))
    return `not a WebSocket JSON-RPC endpoint (${text})`;
  return text || 'connection failed';
}

function withTimeout<T>(promise: Promise<T>, ms: number, endpoint: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ChainUnavailableError(endpoint, `no answer within ${Math.round(ms / 1000)} s`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
