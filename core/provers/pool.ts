/**
 * A pool of worker threads that run snarkjs and @ezkljs/engine jobs off the main thread.
 *
 *   const pool = createProverPool({ size: 2 });          // default size: cores (or settings cpuLimit)
 *   const r = await pool.run({ kind: 'groth16.prove', … }, { signal, timeoutMs, memoryBytes });
 *   await pool.runExternal((threads) => nativeProver.prove(…, { threads }), { signal, memoryBytes });
 *   await pool.close();                                    // rejects queued jobs, terminates workers
 *
 * Cancellation and timeouts terminate the worker running the job (a proof cannot be interrupted
 * otherwise) and a fresh worker replaces it on demand. Memory-aware scheduling: a job declares an
 * estimate and is started only while the estimates of running jobs plus its own fit in the memory
 * budget (one job always runs, so a large proof is slow rather than stuck). Idle workers are unref'd,
 * so they never keep a process alive; `close()` ends them all. A native prover's process takes a slot
 * too (`runExternal`), so worker jobs and native proofs together never exceed `size` or the memory
 * budget; it is told how many threads it may use: its share of the slots not in use.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism, freemem } from 'node:os';
import type { JobKind, JobOf, WorkerJob, WorkerResponse, WorkerResults } from './worker/jobs.js';
import {
  ProofCancelledError,
  ProofTimeoutError,
  ProverPoolClosedError,
  ProverWorkerError,
} from './errors.js';

export interface ProverPoolOptions {
  /** Number of worker threads; default = available cores. */
  size?: number;
  /** Budget for the sum of running jobs' memory estimates; default: free memory at dispatch minus 512 MiB. */
  memoryBudgetBytes?: number;
}

export interface RunOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Estimated peak memory of the job (for scheduling). */
  memoryBytes?: number;
}

export interface ProverPool {
  readonly size: number;
  run<K extends JobKind>(job: JobOf<K>, options?: RunOptions): Promise<WorkerResults[K]>;
  /**
   * Run work outside the workers (a native prover process) in a slot of the pool; `threads` is how
   * many CPU threads it may use. The work itself honours its timeout; an abort while queued rejects.
   */
  runExternal<T>(work: (threads: number) => Promise<T>, options?: Omit<RunOptions, 'timeoutMs'>): Promise<T>;
  /** Jobs waiting for a worker and jobs running. */
  stats(): { queued: number; running: number; workers: number };
  close(): Promise<void>;
}

interface Task {
  job: WorkerJob | { kind: 'external'; work: (threads: number) => Promise<unknown> };
  memory: number;
  resolve(value: unknown): void;
  reject(err: Error): void;
  signal?: AbortSignal;
  timeoutMs?: number;
  cleanup: Array<() => void>;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  requestId: number;
}

const here = import.meta.url;
const workerEntry = new URL(`./worker/prover-worker${here.endsWith('.ts') ? '.ts' : '.js'}`, here).href;
const bootstrap = new URL('./worker/bootstrap.mjs', here);
const RESERVE_BYTES = 512 * 1024 * 1024;

export function createProverPool(options: ProverPoolOptions = {}): ProverPool {
  const size = Math.max(1, options.size ?? availableParallelism());
  const slots: Slot[] = [];
  const queue: Task[] = [];
  let nextId = 1;
  let closed = false;
  /** The native processes running now: their memory estimates and the slots (threads) they hold. */
  const external: Array<{ memory: number; threads: number }> = [];
  const externalSlots = () => external.reduce((n, e) => n + e.threads, 0);

  const budget = () => options.memoryBudgetBytes ?? Math.max(0, freemem() - RESERVE_BYTES);
  const running = () => slots.filter((s) => s.task !== null);

  function spawn(): Slot {
    // `mod`/`type` are for the web-worker package (used by ffjavascript): loaded inside a worker thread it
    // assumes it is one of its own children and imports workerData.mod; give it an empty module.
    const worker = new Worker(bootstrap, {
      workerData: { entry: workerEntry, mod: 'data:text/javascript,', type: 'module' },
    });
    const slot: Slot = { worker, task: null, requestId: 0 };
    worker.unref();
    worker.on('message', (msg: WorkerResponse) => {
      if (!slot.task || msg.id !== slot.requestId) return;
      const task = slot.task;
      release(slot);
      if (msg.ok) task.resolve(msg.result);
      else task.reject(new ProverWorkerError(`${task.job.kind}: ${msg.error.message}`, msg.error.name));
      pump();
    });
    const onDeath = (err: Error) => {
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      const task = slot.task;
      slot.task = null;
      if (task) {
        finish(task);
        task.reject(
          new ProverWorkerError(`${task.job.kind}: prover worker died: ${err.message}`, 'WorkerDied'),
        );
      }
      pump();
    };
    worker.on('error', onDeath);
    worker.on('exit', (code) => {
      if (slots.includes(slot)) onDeath(new Error(`exit code ${code}`));
    });
    slots.push(slot);
    return slot;
  }

  function finish(task: Task): void {
    for (const c of task.cleanup.splice(0)) c();
  }

  function release(slot: Slot): void {
    if (slot.task) finish(slot.task);
    slot.task = null;
    slot.worker.unref();
  }

  /** Kill the worker running `task` (cancel/timeout): the only way to stop a proof mid-way. */
  function kill(slot: Slot, err: Error): void {
    const task = slot.task;
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    slot.task = null;
    void slot.worker.terminate();
    if (task) {
      finish(task);
      task.reject(err);
    }
    pump();
  }

  function pump(): void {
    while (queue.length && !closed) {
      const busy = running();
      const inUse = busy.length + externalSlots();
      if (inUse >= size) return;
      const task = queue[0];
      const reserved =
        busy.reduce((n, s) => n + (s.task?.memory ?? 0), 0) + external.reduce((n, e) => n + e.memory, 0);
      if (inUse > 0 && reserved + task.memory > budget()) return;
      queue.shift();
      if (task.job.kind === 'external') startExternal(task, task.job.work, inUse);
      else start(slots.find((s) => s.task === null) ?? spawn(), task);
    }
  }

  /**
   * A native process gets `threads` slots of its own: the free slots shared with the work still queued
   * (at least one), so worker jobs and native threads together never exceed the pool size.
   */
  function startExternal(task: Task, work: (threads: number) => Promise<unknown>, inUse: number): void {
    const free = size - inUse;
    const threads = Math.max(1, Math.floor(free / (queue.length + 1)));
    const entry = { memory: task.memory, threads };
    external.push(entry);
    finish(task);
    const done = () => {
      external.splice(external.indexOf(entry), 1);
      pump();
    };
    work(threads).then(
      (v) => {
        done();
        task.resolve(v);
      },
      (err: unknown) => {
        done();
        task.reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  }

  function start(slot: Slot, task: Task): void {
    slot.task = task;
    slot.requestId = nextId++;
    slot.worker.ref();
    if (task.signal) {
      const onAbort = () => kill(slot, new ProofCancelledError(task.job.kind));
      task.signal.addEventListener('abort', onAbort, { once: true });
      task.cleanup.push(() => task.signal?.removeEventListener('abort', onAbort));
    }
    if (task.timeoutMs !== undefined) {
      const timer = setTimeout(
        () => kill(slot, new ProofTimeoutError(task.job.kind, task.timeoutMs ?? 0)),
        task.timeoutMs,
      );
      task.cleanup.push(() => clearTimeout(timer));
    }
    slot.worker.postMessage({ id: slot.requestId, job: task.job });
  }

  function enqueue<T>(job: Task['job'], opts: RunOptions): Promise<T> {
    if (closed) return Promise.reject(new ProverPoolClosedError());
    if (opts.signal?.aborted) return Promise.reject(new ProofCancelledError(job.kind));
    return new Promise<T>((resolve, reject) => {
      const task: Task = {
        job,
        memory: opts.memoryBytes ?? 0,
        resolve: resolve as (v: unknown) => void,
        reject,
        signal: opts.signal,
        timeoutMs: opts.timeoutMs,
        cleanup: [],
      };
      if (opts.signal) {
        // While queued, an abort just removes the task.
        const onQueuedAbort = () => {
          const i = queue.indexOf(task);
          if (i >= 0) {
            queue.splice(i, 1);
            finish(task);
            reject(new ProofCancelledError(job.kind));
          }
        };
        opts.signal.addEventListener('abort', onQueuedAbort, { once: true });
        task.cleanup.push(() => opts.signal?.removeEventListener('abort', onQueuedAbort));
      }
      queue.push(task);
      // Native work submitted together is seen together, so its threads are shared among it.
      if (job.kind === 'external') queueMicrotask(pump);
      else pump();
    });
  }

  return {
    size,
    run<K extends JobKind>(job: JobOf<K>, opts: RunOptions = {}): Promise<WorkerResults[K]> {
      return enqueue<WorkerResults[K]>(job, opts);
    },
    runExternal<T>(work: (threads: number) => Promise<T>, opts: RunOptions = {}): Promise<T> {
      return enqueue<T>({ kind: 'external', work }, { signal: opts.signal, memoryBytes: opts.memoryBytes });
    },
    stats: () => ({
      queued: queue.length,
      running: running().length + external.length,
      workers: slots.length,
    }),
    async close(): Promise<void> {
      closed = true;
      for (const task of queue.splice(0)) {
        finish(task);
        task.reject(new ProverPoolClosedError());
      }
      const all = slots.splice(0);
      for (const slot of all) {
        if (slot.task) {
          finish(slot.task);
          slot.task.reject(new ProverPoolClosedError());
          slot.task = null;
        }
      }
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
