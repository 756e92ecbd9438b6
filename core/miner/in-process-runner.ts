import { readFile } from 'node:fs/promises';
import * as snarkjs from 'snarkjs';
import type { JobKind, JobOf, WorkerJob, WorkerResults } from '../provers/worker/jobs.js';

/** The subset of the prover pool the miner and validator use. */
export interface JobRunner {
  run<K extends JobKind>(
    job: JobOf<K>,
    options?: { signal?: AbortSignal; timeoutMs?: number },
  ): Promise<WorkerResults[K]>;
}

type Prove = (zkey: string, wtns: unknown) => Promise<WorkerResults['groth16.prove']>;

/**
 * Groth16 jobs on the calling thread with snarkjs (no workers). Used where worker threads are not
 * available; it blocks the event loop for the proof time, so the pool is preferred for serving.
 */
export const inProcessRunner: JobRunner = {
  async run(anyJob) {
    const job = anyJob as WorkerJob;
    if (job.kind === 'groth16.prove') {
      const t0 = performance.now();
      const wtns = { type: 'mem' } as { type: 'mem'; data?: Uint8Array };
      await snarkjs.wtns.calculate(job.input as snarkjs.CircuitSignals, job.wasmPath, wtns);
      const t1 = performance.now();
      const { proof, publicSignals } = await (snarkjs.groth16.prove as unknown as Prove)(job.zkeyPath, wtns);
      return { proof, publicSignals, witnessMs: t1 - t0, proveMs: performance.now() - t1 } as never;
    }
    if (job.kind === 'groth16.verify') {
      const vk: unknown = JSON.parse(await readFile(job.vkPath, 'utf8'));
      return (await snarkjs.groth16.verify(
        vk,
        job.publicSignals as snarkjs.PublicSignals,
        job.proof as snarkjs.Groth16Proof,
      )) as never;
    }
    throw new Error(`${job.kind} is not available in-process`);
  },
};
