import type { Logger } from '../../contract/logger.js';
import type { Sr25519Signer } from '../../bittensor/signer.js';
import { errorMessage } from '../../util/errors.js';
import { signPublishHeaders } from './publish-headers.js';

/** A verified proof worth keeping (a real-world request or a batched PoW proof). */
export interface PublishableProof {
  circuitId: string;
  requestHash: string;
  minerUid: number;
  proof: unknown;
  publicSignals: unknown;
}

export interface ProofPublisherOptions {
  url: string;
  signer: Sr25519Signer;
  logger: Logger;
  /** Proofs waiting beyond this are dropped (oldest first) so a dead service never grows memory. */
  maxQueue?: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Upstream: 60 s. */
  timeoutMs?: number;
  nowS?: () => number;
}

class RetryableError extends Error {}

/**
 * Publishes verified proofs in the background (spec §12): `publish` only queues and returns at once,
 * so scoring never waits on the service. One upload at a time; network errors, timeouts, 429 and 5xx
 * are retried with exponential back-off and jitter; other 4xx are dropped and logged.
 */
export class ProofPublisher {
  private readonly queue: PublishableProof[] = [];
  private running = false;
  private closed = false;
  private readonly abort = new AbortController();
  private idleWaiters: Array<() => void> = [];
  private readonly o: Required<Omit<ProofPublisherOptions, 'signer' | 'logger' | 'url'>>;
  published = 0;
  dropped = 0;

  constructor(private readonly options: ProofPublisherOptions) {
    this.o = {
      maxQueue: options.maxQueue ?? 256,
      maxAttempts: options.maxAttempts ?? 6,
      baseDelayMs: options.baseDelayMs ?? 2_000,
      maxDelayMs: options.maxDelayMs ?? 120_000,
      timeoutMs: options.timeoutMs ?? 60_000,
      nowS: options.nowS ?? (() => Date.now() / 1000),
    };
  }

  /** Queue a proof; false when the publisher is closed. Never throws, never waits. */
  publish(item: PublishableProof): boolean {
    if (this.closed) return false;
    if (this.queue.length >= this.o.maxQueue) {
      const old = this.queue.shift()!;
      this.dropped++;
      this.options.logger.warn(
        { requestHash: old.requestHash },
        'proof publishing: queue full, oldest proof dropped',
      );
    }
    this.queue.push(item);
    if (!this.running) void this.drain();
    return true;
  }

  get pending(): number {
    return this.queue.length + (this.running ? 1 : 0);
  }

  /** Resolves once nothing is queued or uploading. */
  idle(): Promise<void> {
    if (!this.running && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stop: the upload in flight is aborted, queued proofs are dropped. */
  async close(): Promise<void> {
    this.closed = true;
    this.dropped += this.queue.length;
    this.queue.length = 0;
    this.abort.abort(new Error('publisher closed'));
    await this.idle();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      for (let item = this.queue.shift(); item && !this.closed; item = this.queue.shift())
        await this.upload(item);
    } finally {
      this.running = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  private async upload(item: PublishableProof): Promise<void> {
    const body = JSON.stringify({
      proof: {
        public_signals: item.publicSignals,
        proof: item.proof,
        metadata: { circuit: item.circuitId, request_hash: item.requestHash, miner_uid: item.minerUid },
      },
    });
    for (let attempt = 1; attempt <= this.o.maxAttempts && !this.closed; attempt++) {
      try {
        await this.post(body);
        this.published++;
        this.options.logger.info({ requestHash: item.requestHash, attempt }, 'proof publishing: published');
        return;
      } catch (err) {
        const retry = err instanceof RetryableError && attempt < this.o.maxAttempts;
        this.options.logger.warn(
          { requestHash: item.requestHash, attempt, err: errorMessage(err) },
          retry ? 'proof publishing: failed, will retry' : 'proof publishing: failed, proof dropped',
        );
        if (!retry) break;
        await this.sleep(this.backoff(attempt));
      }
    }
    this.dropped++;
  }

  private async post(body: string): Promise<void> {
    const signal = AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.o.timeoutMs)]);
    let res: Response;
    try {
      res = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...signPublishHeaders(this.options.signer, this.o.nowS()),
        },
        body,
        signal,
      });
    } catch (err) {
      throw new RetryableError(`request failed: ${errorMessage(err)}`);
    }
    const text = await res.text().catch(() => '');
    if (res.ok) return;
    const detail = `HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`;
    if (res.status === 429 || res.status >= 500) throw new RetryableError(detail);
    throw new Error(detail);
  }

  private backoff(attempt: number): number {
    const exp = Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** (attempt - 1));
    return exp / 2 + Math.random() * (exp / 2);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.abort.signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
    });
  }
}
