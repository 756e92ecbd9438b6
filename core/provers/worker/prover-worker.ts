import { parentPort } from 'node:worker_threads';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as snarkjs from 'snarkjs';
import type { CircuitInput } from '../../circuits/inputs/types.js';
import type { Groth16Proof, WorkerJob, WorkerRequest, WorkerResponse } from './jobs.js';
import { calculateWtns } from './witness-calculators.js';

type EzklEngine = typeof import('@ezkljs/engine/nodejs/ezkl.js');
let engine: EzklEngine | null = null;
const ezkl = (): EzklEngine =>
  (engine ??= createRequire(import.meta.url)('@ezkljs/engine/nodejs') as EzklEngine);

// One single-threaded bn128 curve per worker, built once: the pool provides the parallelism, and
// ffjavascript reuses a curve found at globalThis.curve_bn128 instead of spawning its own threads.
interface Curve {
  terminate(): Promise<void>;
}
const curves = (snarkjs as unknown as { curves: { getCurveFromName(n: string, o: object): Promise<Curve> } })
  .curves;
const g = globalThis as { curve_bn128?: Curve };
// Built lazily; the message listener must be attached synchronously or early messages are lost.
let curveReady: Promise<void> | null = null;
const ensureCurve = () =>
  (curveReady ??= curves.getCurveFromName('bn128', { singleThread: true }).then((c) => {
    g.curve_bn128 = c;
  }));

const bytes = (pathOrBytes: string | Uint8Array): Uint8ClampedArray =>
  typeof pathOrBytes === 'string'
    ? new Uint8ClampedArray(readFileSync(pathOrBytes))
    : new Uint8ClampedArray(pathOrBytes.buffer, pathOrBytes.byteOffset, pathOrBytes.byteLength);
const text = (s: string) => new Uint8ClampedArray(Buffer.from(s));

/** The witness as a snarkjs in-memory `.wtns` file. */
async function witnessInMemory(
  input: CircuitInput,
  wasmPath: string,
): Promise<{ type: 'mem'; data: Uint8Array }> {
  const data = await calculateWtns(wasmPath, input);
  if (data) return { type: 'mem', data };
  const wtns = { type: 'mem' } as { type: 'mem'; data: Uint8Array };
  await snarkjs.wtns.calculate(input as snarkjs.CircuitSignals, wasmPath, wtns);
  return wtns;
}

async function run(job: WorkerJob): Promise<unknown> {
  if (job.kind.startsWith('groth16.') || job.kind === 'wtns.calculate') await ensureCurve();
  switch (job.kind) {
    case 'groth16.prove': {
      const t0 = performance.now();
      const wtns = await witnessInMemory(job.input, job.wasmPath);
      const t1 = performance.now();
      const prove = snarkjs.groth16.prove as unknown as (
        zkey: string,
        wtns: unknown,
      ) => Promise<{ proof: Groth16Proof; publicSignals: string[] }>;
      const { proof, publicSignals } = await prove(job.zkeyPath, wtns);
      return { proof, publicSignals, witnessMs: t1 - t0, proveMs: performance.now() - t1 };
    }
    case 'groth16.proveWitness': {
      const prove = snarkjs.groth16.prove as unknown as (
        zkey: string,
        wtns: string,
      ) => Promise<{ proof: Groth16Proof; publicSignals: string[] }>;
      return prove(job.zkeyPath, job.wtnsPath);
    }
    case 'groth16.verify': {
      const vk: unknown = JSON.parse(readFileSync(job.vkPath, 'utf8'));
      return snarkjs.groth16.verify(
        vk,
        job.publicSignals as snarkjs.PublicSignals,
        job.proof as snarkjs.Groth16Proof,
      );
    }
    case 'wtns.calculate': {
      const wtns = await witnessInMemory(job.input, job.wasmPath);
      const exportJson = snarkjs.wtns.exportJson as unknown as (w: unknown) => Promise<bigint[]>;
      const all = await exportJson(wtns);
      return (job.limit === undefined ? all : all.slice(0, job.limit)).map((v) => v.toString());
    }
    case 'wtns.write':
      writeFileSync(job.outPath, (await witnessInMemory(job.input, job.wasmPath)).data);
      return null;
    case 'ezkl.genWitness':
      return ezkl().genWitness(bytes(job.compiledPath), text(job.inputJson));
    case 'ezkl.genVk':
      return ezkl().genVk(bytes(job.compiledPath), bytes(job.srsPath), true);
    case 'ezkl.genPk':
      return ezkl().genPk(bytes(job.vk), bytes(job.compiledPath), bytes(job.srsPath));
    case 'ezkl.prove':
      return ezkl().prove(bytes(job.witness), bytes(job.pkPath), bytes(job.compiledPath), bytes(job.srsPath));
    case 'ezkl.verify':
      return ezkl().verify(
        text(job.proofJson),
        bytes(job.vkPath),
        bytes(job.settingsPath),
        bytes(job.srsPath),
      );
  }
}

const port = parentPort;
if (!port) throw new Error('prover-worker must run in a worker thread');
port.on('message', (req: WorkerRequest) => {
  run(req.job).then(
    (result) => port.postMessage({ id: req.id, ok: true, result } satisfies WorkerResponse),
    (err: unknown) => {
      const e = err instanceof Error ? err : new Error(String(err));
      port.postMessage({
        id: req.id,
        ok: false,
        error: { name: e.name, message: e.message },
      } satisfies WorkerResponse);
    },
  );
});
