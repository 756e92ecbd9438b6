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
type Waiter = { resolve: (ok: boolean) => void; reject: (err: Error) => void };
class Lane {
  worker!: Worker;
  /** The jobs posted to the worker, in order; its replies settle them front first. */
  pending: Waiter[] = [];
  batch: Job[] = [];
  waiters: Waiter[] = [];
  inFlight = 0;
  /** Exit times of its recent workers: a worker that keeps dying is not respawned forever. */
  deaths: number[] = [];
  dead = false;
}

/** More deaths than this within RESPAWN_WINDOW_MS retire the lane (its share goes to the others, or inline). */
const MAX_RESPAWNS = 5;
const RESPAWN_WINDOW_MS = 60_000;

/**
 * sr25519 verification on `threads` worker threads. Requests arriving in the same event-loop turn
 * are sent as one batch per worker (one message each way), so the per-request cost is the
 * verification itself. A worker that exits (crash, out of memory, terminated) fails the requests it
 * held with a clear error and is replaced; requests not yet posted go to the replacement.
 */
export class VerifyPool implements SignatureVerifier {
  private readonly lanes: Lane[];
  private readonly wasmCrypto = createRequire(import.meta.url).resolve('@polkadot/wasm-crypto');
  private flushScheduled = false;
  private closed = false;

  constructor(threads: number) {
    this.lanes = Array.from({ length: Math.max(1, threads) }, () => {
      const lane = new Lane();
      this.spawn(lane);
      return lane;
    });
  }

  private spawn(lane: Lane): void {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { wasmCrypto: this.wasmCrypto, replyEvery: REPLY_EVERY },
    });
    let failure: Error | undefined;
    worker.on('message', (results: Uint8Array) => {
      const waiters = lane.pending.splice(0, results.length);
      lane.inFlight -= waiters.length;
      waiters.forEach((w, i) => w.resolve(results[i] === 1));
    });
    // 'error' is always followed by 'exit': the exit handler settles the requests.
    worker.on('error', (err) => (failure = err));
    worker.on('exit', (code) => this.onExit(lane, worker, code, failure));
    worker.unref();
    lane.worker = worker;
  }

  private onExit(lane: Lane, worker: Worker, code: number, failure: Error | undefined): void {
    if (lane.worker !== worker) return;
    const why = `signature check worker exited (code ${code}${failure ? `: ${failure.message}` : ''})`;
    const lost = lane.pending;
    lane.pending = [];
    lane.inFlight = 0;
    lost.forEach((w) => w.reject(new Error(`${why}; the request was not verified`)));
    if (this.closed) return;
    const now = Date.now();
    lane.deaths = [...lane.deaths.filter((t) => now - t < RESPAWN_WINDOW_MS), now];
    if (lane.deaths.length <= MAX_RESPAWNS) {
      this.spawn(lane);
      this.scheduleFlush();
      return;
    }
    lane.dead = true;
    const queued = lane.waiters;
    lane.batch = [];
    lane.waiters = [];
    queued.forEach((w) => w.reject(new Error(`${why} ${MAX_RESPAWNS} times in a minute; not respawned`)));
  }

  verify(publicKey: Uint8Array, message: string, signature: Uint8Array): Promise<boolean> {
    if (this.closed) return Promise.reject(new Error('verify pool closed'));
    const live = this.lanes.filter((l) => !l.dead);
    if (!live.length) return inlineVerifier.verify(publicKey, message, signature);
    const lane = live.reduce((a, b) => (b.inFlight + b.batch.length < a.inFlight + a.batch.length ? b : a));
    return new Promise<boolean>((resolve, reject) => {
      lane.batch.push([publicKey, message, signature]);
      lane.waiters.push({ resolve, reject });
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    for (const lane of this.lanes) {
      if (!lane.batch.length || lane.dead) continue;
      lane.worker.postMessage(lane.batch);
      lane.pending.push(...lane.waiters);
      lane.inFlight += lane.waiters.length;
      lane.batch = [];
      lane.waiters = [];
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.lanes.map((l) => l.worker.terminate()));
  }
}
