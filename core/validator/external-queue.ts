import type { ExternalProofRequest, ExternalProofResult, ExternalRequestSink } from './api/types.js';

/** One queued real-world request and how to answer its waiter (§8.6 step 7). */
export interface QueuedExternalRequest {
  request: ExternalProofRequest;
  resolve(result: ExternalProofResult): void;
  reject(err: Error): void;
}

/**
 * The validator's real-world request queue (FIFO, served before benchmarks, §8.4). The external API
 * (core/validator/api) submits here; the request pool pops one per request slot.
 */
export class ExternalRequestQueue implements ExternalRequestSink {
  private readonly items: QueuedExternalRequest[] = [];

  submit(request: ExternalProofRequest): Promise<ExternalProofResult> {
    return new Promise((resolve, reject) => {
      if (request.signal.aborted) return reject(abortReason(request.signal));
      const item: QueuedExternalRequest = { request, resolve, reject };
      this.items.push(item);
      request.signal.addEventListener(
        'abort',
        () => {
          const i = this.items.indexOf(item);
          if (i >= 0) this.items.splice(i, 1);
          reject(abortReason(request.signal));
        },
        { once: true },
      );
    });
  }

  get length(): number {
    return this.items.length;
  }

  /** The oldest request still wanted, or undefined. */
  pop(): QueuedExternalRequest | undefined {
    return this.items.shift();
  }
}

const abortReason = (s: AbortSignal): Error =>
  s.reason instanceof Error ? s.reason : new Error('request aborted');
