import { Worker } from 'node:worker_threads';
import { ARGON2_BACKENDS, TYPICAL_MS, backendModulePath, type Argon2BackendId } from './argon2-backends.js';
import { ARGON2_WORKER_SOURCE } from './argon2-worker-source.js';
import { NACL_KDF } from './nacl-kdf-params.js';

export interface KdfProgress {
  elapsedMs: number;
  /** Expected total, from the last run in this process or the backend's typical time: an estimate. */
  expectedMs: number;
  /** elapsed / expected, capped below 1 until the key is ready, then exactly 1. */
  fraction: number;
  backend: Argon2BackendId;
}

export interface DeriveOptions {
  /** Use exactly this backend (benchmarks, tests); default: the fastest one that loads here. */
  backend?: Argon2BackendId;
  onProgress?: (progress: KdfProgress) => void;
  signal?: AbortSignal;
}

export interface DerivedKey {
  key: Uint8Array;
  backend: Argon2BackendId;
  ms: number;
}

export class KdfUnavailableError extends Error {
  override readonly name = 'KdfUnavailableError';
}

const lastMs = new Map<Argon2BackendId, number>();
const PROGRESS_INTERVAL_MS = 200;

/**
 * The 32-byte secretbox key of a `$NACL` keyfile for `password` (Argon2i, 512 MiB, 8 passes). Runs in a
 * worker thread so the caller's event loop stays responsive; the password bytes are moved to the
 * worker (this copy is zeroed) and wiped there after use.
 */
export async function deriveNaclKey(password: Uint8Array, options: DeriveOptions = {}): Promise<DerivedKey> {
  const candidates = options.backend ? [options.backend] : ARGON2_BACKENDS;
  const reasons: string[] = [];
  try {
    for (const backend of candidates) {
      const modulePath = backendModulePath(backend);
      if (!modulePath) {
        reasons.push(`${backend}: not installed`);
        continue;
      }
      const result = await runWorker(backend, modulePath, new Uint8Array(password), options);
      if ('key' in result) return result;
      reasons.push(`${backend}: ${result.unavailable}`);
    }
  } finally {
    password.fill(0);
  }
  throw new KdfUnavailableError(`no Argon2 implementation could be loaded (${reasons.join('; ')})`);
}

type WorkerReply = { key: Uint8Array } | { unavailable: true; message: string } | { error: string };

function runWorker(
  backend: Argon2BackendId,
  modulePath: string,
  password: Uint8Array,
  { onProgress, signal }: DeriveOptions,
): Promise<DerivedKey | { unavailable: string }> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      password.fill(0);
      reject(signal.reason);
      return;
    }
    const started = performance.now();
    const expectedMs = lastMs.get(backend) ?? TYPICAL_MS[backend];
    const worker = new Worker(ARGON2_WORKER_SOURCE, {
      eval: true,
      workerData: { backend, modulePath, password, ...NACL_KDF },
      transferList: [password.buffer as ArrayBuffer],
    });
    const report = (done: boolean) => {
      const elapsedMs = performance.now() - started;
      onProgress?.({
        elapsedMs,
        expectedMs: done ? elapsedMs : expectedMs,
        fraction: done ? 1 : Math.min(0.99, elapsedMs / expectedMs),
        backend,
      });
    };
    const timer = onProgress ? setInterval(() => report(false), PROGRESS_INTERVAL_MS) : undefined;
    const onAbort = () => {
      void worker.terminate();
      finish();
      reject(signal?.reason ?? new Error('key derivation aborted'));
    };
    const finish = () => {
      if (timer) clearInterval(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (reply: WorkerReply) => {
      finish();
      void worker.terminate();
      if ('key' in reply) {
        const ms = performance.now() - started;
        lastMs.set(backend, ms);
        report(true);
        resolve({ key: reply.key, backend, ms });
      } else if ('unavailable' in reply) {
        resolve({ unavailable: reply.message });
      } else {
        reject(new Error(`Argon2 (${backend}) failed: ${reply.error}`));
      }
    });
    worker.once('error', (err) => {
      finish();
      reject(err);
    });
  });
}
