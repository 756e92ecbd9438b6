/**
 * npm run bench:prove — Groth16 proving on this machine, on the practice circuit and on a larger one (a
 * chain of 30 000 multiplications built with circom2 and cached in the temp folder; the first run makes
 * its powers of tau, which takes minutes). For each circuit, with the same witness:
 *   snarkjs CLI        `snarkjs groth16 prove` as a fresh process
 *   warm snarkjs pool  groth16.prove of the witness in our worker pool
 *   rapidsnark CLI     the `prover` built from shared/vendor/rapidsnark, spawned per proof
 *   witness            the witness alone (snarkjs wasm in the pool)
 *   end to end         our miner's path: witness in the pool + the chosen prover (rapidsnark) in a pool
 *                      slot; on the practice circuit through the real Prover, with its first-proof check
 * then 4 end-to-end proofs at once (median of rounds after a warm-up round that starts the pool's other
 * workers), with the floor set by the machine: 4 × (witness + one-thread rapidsnark) ÷ cores. Goals: end to end ≤ 1.1 × (witness + rapidsnark CLI), 4 concurrent
 * ≤ 2.6 × one. BENCH_RUNS (default 5) sets the runs; the median counts. BENCH_LARGE=0 skips the larger
 * circuit.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRACTICE_CIRCUIT_ID } from '../core/circuits/constants.js';
import { generateInput } from '../core/circuits/inputs/registry.js';
import { CircuitStore, PRACTICE_CIRCUIT_DIR } from '../core/circuits/store.js';
import type { CircuitInput } from '../core/circuits/inputs/types.js';
import { Rapidsnark } from '../core/provers/native/rapidsnark.js';
import { createProverPool } from '../core/provers/pool.js';
import { makeProver } from '../core/provers/prover.js';
import { rapidsnarkBinary } from '../tests/helpers/provers/rapidsnark.js';
import { tinyCircuit } from '../tests/helpers/provers/tiny-circuit.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const snarkjsCli = fileURLToPath(new URL('../node_modules/snarkjs/build/cli.cjs', import.meta.url));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

async function timed(fn: () => unknown, runs = RUNS): Promise<number> {
  await fn(); // untimed: warms the page cache and the workers
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

const pool = createProverPool({ size: availableParallelism() });
const rapidsnark = new Rapidsnark(rapidsnarkBinary());
console.log(
  `machine: ${cpus()[0]?.model ?? 'cpu'} × ${availableParallelism()}, Node ${process.version}, pool size ${pool.size}, ${RUNS} runs (median)`,
);

interface Circuit {
  name: string;
  wasm: string;
  zkey: string;
  input: () => CircuitInput;
  /** Our end-to-end proof. */
  endToEnd: () => Promise<unknown>;
}

const store = new CircuitStore({ offlineDir: null, cacheDir: mkdtempSync(join(tmpdir(), 'sn2-bench-c-')) });
const prover = makeProver({ store, pool, srsDir: tmpdir(), ezkl: null, natives: [rapidsnark] });
const practice: Circuit = {
  name: 'practice circuit (1294 vars)',
  wasm: join(PRACTICE_CIRCUIT_DIR, 'circuit.wasm'),
  zkey: join(PRACTICE_CIRCUIT_DIR, 'circuit.zkey'),
  input: () => generateInput(PRACTICE_CIRCUIT_ID),
  endToEnd: () => prover.prove(PRACTICE_CIRCUIT_ID, generateInput(PRACTICE_CIRCUIT_ID)),
};
async function chainCircuit(): Promise<Circuit> {
  const chain = await tinyCircuit(30_000);
  return {
    name: 'chain of 30 000 multiplications',
    wasm: chain.wasm,
    zkey: chain.zkey,
    input: () => chain.input,
    endToEnd: async () => {
      // The circom prover's native path, step for step (the chain circuit is not in the circuit store).
      const dir = mkdtempSync(join(tmpdir(), 'sn2-wtns-'));
      try {
        const wtnsPath = join(dir, 'witness.wtns');
        await pool.run({ kind: 'wtns.write', input: chain.input, wasmPath: chain.wasm, outPath: wtnsPath });
        return await pool.runExternal((threads) =>
          rapidsnark.prove({ zkeyPath: chain.zkey, wtnsPath }, { threads }),
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

const circuits =
  process.env.BENCH_LARGE === '0' ? [async () => practice] : [async () => practice, chainCircuit];
for (const make of circuits) {
  const c = await make();
  const dir = mkdtempSync(join(tmpdir(), 'sn2-bench-'));
  const wtnsPath = join(dir, 'witness.wtns');
  const out = (f: string) => join(dir, f);
  const witness = await timed(() =>
    pool.run({ kind: 'wtns.write', input: c.input(), wasmPath: c.wasm, outPath: wtnsPath }),
  );
  const cli = await timed(
    () =>
      execFileSync(process.execPath, [
        snarkjsCli,
        'groth16',
        'prove',
        c.zkey,
        wtnsPath,
        out('p.json'),
        out('q.json'),
      ]),
    Math.min(RUNS, 3),
  );
  const warm = await timed(() => pool.run({ kind: 'groth16.proveWitness', zkeyPath: c.zkey, wtnsPath }));
  const rs = await timed(() => rapidsnark.prove({ zkeyPath: c.zkey, wtnsPath }));
  const rs1 = await timed(() => rapidsnark.prove({ zkeyPath: c.zkey, wtnsPath }, { threads: 1 }));
  const e2e = await timed(c.endToEnd);
  // The first concurrent round also starts the pool's other workers: warm-up, like timed().
  const four = await timed(() => Promise.all(Array.from({ length: 4 }, c.endToEnd)), Math.min(RUNS, 3));
  // Four proofs cannot take less wall time than their single-thread CPU work spread over every core.
  const floor = (4 * (witness + rs1)) / availableParallelism();
  rmSync(dir, { recursive: true, force: true });
  console.log(`\n${c.name}`);
  console.log(`  snarkjs CLI (prove only)      ${fmt(cli)}`);
  console.log(`  warm snarkjs pool (prove)     ${fmt(warm)}`);
  console.log(`  rapidsnark CLI                ${fmt(rs)} (1 thread: ${fmt(rs1)})`);
  console.log(`  witness (pool)                ${fmt(witness)}`);
  console.log(
    `  end to end (witness + chosen) ${fmt(e2e)}  = ${(e2e / (witness + rs)).toFixed(2)} × (witness + rapidsnark) (goal ≤ 1.1)`,
  );
  console.log(
    `  4 concurrent end to end       ${fmt(four)} wall = ${(four / e2e).toFixed(2)} × one (goal ≤ 2.6; CPU floor on ${availableParallelism()} cores ${(floor / e2e).toFixed(2)} ×)`,
  );
}
await pool.close();
