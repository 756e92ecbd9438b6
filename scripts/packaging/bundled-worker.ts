import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateInput } from '../../core/circuits/inputs/registry.js';
import { PRACTICE_CIRCUIT_ID } from '../../core/circuits/constants.js';

interface Reply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: { message: string };
}

/**
 * Proves and verifies the practice circuit with the bundled prover worker (`dist-electron/worker/`),
 * started the way the packaged app's pool starts it: `bootstrap.mjs` with a `.js` entry and no
 * TypeScript loader. Returns the problems found (none when the worker works).
 */
export async function checkBundledWorker(root: string): Promise<string[]> {
  const dir = join(root, 'dist-electron', 'worker');
  const circuit = join(root, 'resources', 'practice-circuit');
  const worker = new Worker(pathToFileURL(join(dir, 'bootstrap.mjs')), {
    // The same workerData as core/provers/pool.ts (`mod`/`type` keep the web-worker package quiet).
    workerData: {
      entry: pathToFileURL(join(dir, 'prover-worker.js')).href,
      mod: 'data:text/javascript,',
      type: 'module',
    },
  });
  const call = (id: number, job: object) =>
    new Promise<unknown>((resolve, reject) => {
      worker.on('message', (m: Reply) => {
        if (m.id !== id) return;
        if (m.ok) resolve(m.result);
        else reject(new Error(m.error?.message));
      });
      worker.once('error', reject);
      worker.postMessage({ id, job });
    });
  try {
    const proved = (await call(1, {
      kind: 'groth16.prove',
      input: generateInput(PRACTICE_CIRCUIT_ID),
      wasmPath: join(circuit, 'circuit.wasm'),
      zkeyPath: join(circuit, 'circuit.zkey'),
    })) as { proof: unknown; publicSignals: unknown[] };
    const verified = await call(2, {
      kind: 'groth16.verify',
      vkPath: join(circuit, 'verification_key.json'),
      proof: proved.proof,
      publicSignals: proved.publicSignals,
    });
    return verified === true ? [] : ['the bundled prover worker made a proof that does not verify'];
  } catch (err) {
    return [`the bundled prover worker failed: ${(err as Error).message}`];
  } finally {
    await worker.terminate();
  }
}
