import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { verifyMessage } from './signature.js';

/** Checks request signatures; inline on the calling thread or spread over worker threads. */
export interface SignatureVerifier {
  verify(publicKey: Uint8Array, message: string, signature: Uint8Array): Promise<boolean>;
  close(): Promise<void>;
}

export const inlineVerifier: SignatureVerifier = {
  verify: async (publicKey, message, signature) => verifyMessage(publicKey, message, signature),
  close: async () => {},
};

// Plain CommonJS so it runs in a worker without the TypeScript loader; same rule as verifyMessage.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { sr25519Verify, waitReady } = require(workerData.wasmCrypto);
const ready = waitReady();
parentPort.on('message', async (batch) => {
  await ready;
  for (let start = 0; start < batch.length; start += workerData.replyEvery) {
    const out = new Uint8Array(Math.min(workerData.replyEvery, batch.length - start));
    for (let i = 0; i < out.length; i++) {
      const [pub, msg, sig] = batch[start + i];
      const raw = Buffer.from(msg, 'utf8');
      out[i] = sig.length === 64 && (sr25519Verify(sig, raw, pub) ||
        sr25519Verify(sig, Buffer.from('<Bytes>' + msg + '</Bytes>', 'utf8'), pub)) ? 1 : 0;
    }
    parentPort.postMessage(out);
  }
});
`;

// Results come back in slices of this many so the HTTP thread answers the first requests of a
// batch while the worker still verifies the rest; one reply per whole batch made the two threads
// take turns (measured in docs/BENCHMARKS.md).
const REPLY_EVERY = 4;

type Job = [Uint8Array, string, Uint8Array];
interface Lane {
  worker: Worker;
  /** Resolvers of the jobs posted to the worker, in order; its replies settle them front first. */
  pending: Array<(ok: boolean) => void>;
  batch: Job[];
  resolvers: Array<(ok: boolean) => void>;
  inFlight: number;
  dead: boolean;
}

/**
 * sr25519 verification on `threads` worker threads. Requests arriving in the same event-loop turn
 * are sent as one batch per worker (one message each way), so the per-request cost is the
 * verification itself.
 */
export class VerifyPool implements SignatureVerifier {
  private readonly lanes: Lane[];
  private flushScheduled = false;
  private closed = false;

  constructor(threads: number) {
    const wasmCrypto = createRequire(import.meta.url).resolve('@polkadot/wasm-crypto');
    this.lanes = Array.from({ length: Math.max(1, threads) }, () => {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { wasmCrypto, replyEvery: REPLY_EVERY },
      });
      const lane: Lane = { worker, pending: [], batch: [], resolvers: [], inFlight: 0, dead: false };
      worker.on('message', (results: Uint8Array) => {
        const resolvers = lane.pending.splice(0, results.length);
        lane.inFlight -= resolvers.length;
        resolvers.forEach((resolve, i) => resolve(results[i] === 1));
      });
      worker.on('error', (err) => this.failLane(lane, err));
      worker.unref();
      return lane;
    });
  }

  verify(publicKey: Uint8Array, message: string, signature: Uint8Array): Promise<boolean> {
    if (this.closed) return Promise.reject(new Error('verify pool closed'));
    const live = this.lanes.filter((l) => !l.dead);
    if (!live.length) return inlineVerifier.verify(publicKey, message, signature);
    const lane = live.reduce((a, b) => (b.inFlight + b.batch.length < a.inFlight + a.batch.length ? b : a));
    return new Promise<boolean>((resolve) => {
      lane.batch.push([publicKey, message, signature]);
      lane.resolvers.push(resolve);
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    for (const lane of this.lanes) {
      if (!lane.batch.length) continue;
      lane.worker.postMessage(lane.batch);
      lane.pending.push(...lane.resolvers);
      lane.inFlight += lane.resolvers.length;
      lane.batch = [];
      lane.resolvers = [];
    }
  }

  // A dead worker fails its requests closed (not verified) rather than hanging them.
  private failLane(lane: Lane, _err: unknown): void {
    lane.dead = true;
    lane.pending.forEach((r) => r(false));
    lane.resolvers.forEach((r) => r(false));
    lane.pending = [];
    lane.batch = [];
    lane.resolvers = [];
    lane.inFlight = 0;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.lanes.map((l) => l.worker.terminate()));
  }
}
