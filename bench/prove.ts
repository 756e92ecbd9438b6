/**
 * npm run bench:prove — practice circuit proofs: (a) our warm worker pool vs (b) spawning the snarkjs
 * CLI per proof (what the Python miner does), then throughput with 1, 2, 4 and 8 concurrent proofs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRACTICE_CIRCUIT_ID } from '../core/circuits/constants.js';
import { generateInput } from '../core/circuits/inputs/registry.js';
import { PRACTICE_CIRCUIT_DIR } from '../core/circuits/store.js';
import { createProverPool } from '../core/provers/pool.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const wasmPath = join(PRACTICE_CIRCUIT_DIR, 'circuit.wasm');
const zkeyPath = join(PRACTICE_CIRCUIT_DIR, 'circuit.zkey');
const snarkjsCli = fileURLToPath(new URL('../node_modules/snarkjs/build/cli.cjs', import.meta.url));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

const pool = createProverPool({ size: availableParallelism() });
const prove = () =>
  pool.run({ kind: 'groth16.prove', input: generateInput(PRACTICE_CIRCUIT_ID), wasmPath, zkeyPath });

console.log(
  `machine: ${cpus()[0]?.model ?? 'cpu'} × ${availableParallelism()}, Node ${process.version}, pool size ${pool.size}`,
);
await Promise.all(Array.from({ length: pool.size }, prove)); // warm every worker

const warm: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t = performance.now();
  await prove();
  warm.push(performance.now() - t);
}

const dir = mkdtempSync(join(tmpdir(), 'sn2-bench-'));
const cli: number[] = [];
for (let i = 0; i < RUNS; i++) {
  writeFileSync(join(dir, 'input.json'), JSON.stringify(generateInput(PRACTICE_CIRCUIT_ID)));
  const t = performance.now();
  execFileSync(process.execPath, [
    snarkjsCli,
    'groth16',
    'fullprove',
    join(dir, 'input.json'),
    wasmPath,
    zkeyPath,
    join(dir, 'proof.json'),
    join(dir, 'public.json'),
  ]);
  cli.push(performance.now() - t);
}
rmSync(dir, { recursive: true, force: true });

const a = median(warm);
const b = median(cli);
console.log(`(a) warm pool, one proof:        median ${fmt(a)} over ${RUNS}`);
console.log(`(b) snarkjs CLI spawn per proof: median ${fmt(b)} over ${RUNS}`);
console.log(`(a)/(b) = ${(a / b).toFixed(2)} (target ≤ 0.6)`);

for (const n of [1, 2, 4, 8]) {
  const t = performance.now();
  await Promise.all(Array.from({ length: n }, prove));
  const wall = performance.now() - t;
  console.log(
    `${n} concurrent: ${fmt(wall)} wall, ${(wall / a).toFixed(2)}× one proof, ${((n / wall) * 1000).toFixed(2)} proofs/s`,
  );
}
await pool.close();
