/**
 * npm run bench:miner — our miner vs the reference behaviour on the practice circuit, over loopback
 * through the real axon/dendrite: N validators (1, 4, 16), each with one request in flight at a time
 * (§8.3), for BENCH_SECONDS per level. Reports successful requests/min and p50/p95 latency (the
 * dendrite's process_time, what SN2 validators score).
 *
 * ours:      the Miner with proofs on the warm worker pool (one worker per core), concurrent.
 * reference: the same axon, but one proof at a time, each spawning the snarkjs CLI
 *            (`groth16 fullprove`), as the Python miner does (§7.4).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Keypair } from '../core/bittensor/keys/index.js';
import { Dendrite } from '../core/bittensor/wire/dendrite.js';
import { fromPlain, parseSynapse, type PyValue } from '../core/bittensor/wire/index.js';
import { PRACTICE_CIRCUIT_ID } from '../core/circuits/constants.js';
import { generateInput } from '../core/circuits/inputs/registry.js';
import { CircuitStore, PRACTICE_CIRCUIT_DIR } from '../core/circuits/store.js';
import { engineProver } from '../core/miner/engine-prover.js';
import type { CircuitProver, ProofResult } from '../core/miner/circuit-prover.js';
import { Miner } from '../core/miner/miner.js';
import { createProverPool } from '../core/provers/pool.js';
import { makeProver } from '../core/provers/prover.js';
import { percentile } from '../core/contract/proof-log-stats.js';
import { QueryZkProof } from '../core/sn2/transport/v10-synapses.js';
import { v10Server } from '../core/sn2/transport/v10-server.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const LEVELS = [1, 4, 16];
const TIMEOUT_S = 60;
const snarkjsCli = fileURLToPath(new URL('../node_modules/snarkjs/build/cli.cjs', import.meta.url));
const run = promisify(execFile);

/** The reference: a fresh snarkjs CLI process per proof (the Python miner shells out the same way). */
function cliProver(inner: CircuitProver): CircuitProver {
  return {
    ...inner,
    verify: undefined,
    async prove(_id, input): Promise<ProofResult> {
      const dir = mkdtempSync(join(tmpdir(), 'sn2-bench-cli-'));
      try {
        writeFileSync(join(dir, 'input.json'), JSON.stringify(input));
        const t = performance.now();
        await run(process.execPath, [
          snarkjsCli,
          'groth16',
          'fullprove',
          join(dir, 'input.json'),
          join(PRACTICE_CIRCUIT_DIR, 'circuit.wasm'),
          join(PRACTICE_CIRCUIT_DIR, 'circuit.zkey'),
          join(dir, 'proof.json'),
          join(dir, 'public.json'),
        ]);
        return {
          proofSystem: 'CIRCOM',
          proof: readFileSync(join(dir, 'proof.json'), 'utf8'),
          publicSignals: readFileSync(join(dir, 'public.json'), 'utf8'),
          proveMs: performance.now() - t,
          prover: 'snarkjs-cli',
        };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

async function measure(
  port: number,
  minerHotkey: string,
  validators: Keypair[],
): Promise<{ perMin: number; p50: number; p95: number; ok: number; failed: number }> {
  const latencies: number[] = [];
  let failed = 0;
  const end = performance.now() + SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(
    validators.map(async (key) => {
      const dendrite = new Dendrite(key);
      while (performance.now() < end) {
        const synapse = parseSynapse(QueryZkProof, {
          query_input: new Map<string, PyValue>([
            ['public_inputs', fromPlain(generateInput(PRACTICE_CIRCUIT_ID))],
            ['model_id', PRACTICE_CIRCUIT_ID],
          ]),
          query_output: '',
        });
        const r = await dendrite.call({ ip: '127.0.0.1', port, hotkey: minerHotkey }, QueryZkProof, synapse, {
          timeoutS: TIMEOUT_S,
        });
        if (r.dendrite.status_code === 200 && r.query_output?.startsWith('{"proof"'))
          latencies.push((r.dendrite.process_time ?? 0) * 1000);
        else failed++;
      }
      dendrite.close();
    }),
  );
  const wall = performance.now() - t0;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    perMin: (sorted.length / wall) * 60_000,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    ok: sorted.length,
    failed,
  };
}

const pool = createProverPool({ size: availableParallelism() });
const store = new CircuitStore({
  cacheDir: mkdtempSync(join(tmpdir(), 'sn2-bench-circuits-')),
  offlineDir: null,
});
const srsDir = mkdtempSync(join(tmpdir(), 'sn2-bench-srs-'));
const real = engineProver(store, makeProver({ store, pool, srsDir, ezkl: null }));
const minerKey = await Keypair.fromUri('//Bob//bench-miner');
const validators = await Promise.all(
  Array.from({ length: Math.max(...LEVELS) }, (_, i) => Keypair.fromUri(`//Charlie//bench-vali-${i}`)),
);
console.log(
  `machine: ${cpus()[0]?.model ?? 'cpu'} × ${availableParallelism()}, Node ${process.version}, ` +
    `load average ${loadavg()[0].toFixed(1)}; ${SECONDS} s per level, pool size ${pool.size}`,
);
// Warm every worker (worker start, curve build) so level 1 measures steady state.
await Promise.all(
  Array.from({ length: pool.size }, () =>
    real.prove(PRACTICE_CIRCUIT_ID, generateInput(PRACTICE_CIRCUIT_ID), {}),
  ),
);

const rows: string[] = [];
for (const [name, prover, concurrency] of [
  ['ours', real, pool.size],
  ['reference', cliProver(real), 1],
] as const) {
  const miner = new Miner({
    hotkey: minerKey.address,
    server: v10Server(minerKey, { port: 0, host: '127.0.0.1' }),
    prover,
    chain: null,
    blacklist: { disabled: true },
    concurrency,
    emit: () => undefined,
  });
  const { port } = await miner.start();
  for (const n of LEVELS) {
    const r = await measure(port, minerKey.address, validators.slice(0, n));
    const row = `| ${name} | ${n} | ${r.perMin.toFixed(0)} | ${r.p50.toFixed(0)} ms | ${r.p95.toFixed(0)} ms | ${r.ok} / ${r.failed} |`;
    rows.push(row);
    console.log(row);
  }
  await miner.stop();
}
console.log(
  '\n| miner | concurrent validators | requests/min | p50 | p95 | ok / failed |\n|---|---|---|---|---|---|',
);
console.log(rows.join('\n'));
console.log(`load average after: ${loadavg()[0].toFixed(1)}`);
await pool.close();
