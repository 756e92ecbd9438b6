/**
 * npm run bench:main-thread — event-loop delay (p50 / p99 / max) of the core's own thread:
 *
 * 1. mining at full load: the Miner with a warm pool of one prover worker per core, 8 validators
 *    (dendrites in this same process, so the figure includes their own work) each keeping one practice
 *    proof request in flight, for BENCH_SECONDS;
 * 2. a validator PoW-256 batch (the shared scoring vector: 256 items → circuit input → witness →
 *    score updates), repeated BATCHES times, with the witness on the prover pool as the validator
 *    runs it, and once more with the witness computed in-process (how it was done before) for comparison.
 *
 * Needs SN2_SHARED_DIR for the vector and the PoW circuit. Figures go to docs/BENCHMARKS.md.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as snarkjs from 'snarkjs';
import { Keypair } from '../core/bittensor/keys/index.js';
import { Dendrite } from '../core/bittensor/wire/dendrite.js';
import { fromPlain, parseSynapse, type PyValue } from '../core/bittensor/wire/index.js';
import { PRACTICE_CIRCUIT_ID } from '../core/circuits/constants.js';
import { generateInput } from '../core/circuits/inputs/registry.js';
import { CircuitStore } from '../core/circuits/store.js';
import { engineProver } from '../core/miner/engine-prover.js';
import { Miner } from '../core/miner/miner.js';
import { createProverPool } from '../core/provers/pool.js';
import { makeProver } from '../core/provers/prover.js';
import { SINGLE_PROOF_OF_WEIGHTS_MODEL_ID } from '../core/sn2/constants.js';
import { QueryZkProof } from '../core/sn2/transport/v10-synapses.js';
import { v10Server } from '../core/sn2/transport/v10-server.js';
import { scorePowBatch } from '../core/validator/scoring/batch-scores.js';
import type { PowItem } from '../core/validator/scoring/pow-item.js';
import {
  POW_SCORING_WITNESS_PREFIX,
  poolWitnessCalculator,
  type WitnessCalculator,
} from '../core/validator/scoring/witness.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 5);
const VALIDATORS = 8;
const shared = resolve(process.env.SN2_SHARED_DIR ?? join(process.cwd(), '..', 'shared'));
const fixtures = join(shared, 'fixtures', 'sn2');

/** Runs `work` while sampling this thread's event-loop delay; returns ms figures. */
async function delayDuring(work: () => Promise<unknown>): Promise<{ p50: number; p99: number; max: number }> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  await work();
  // Let the sampling timer fire once more: a thread blocked until the end must still be counted.
  await new Promise((r) => setTimeout(r, 20));
  h.disable();
  const ms = (ns: number) => ns / 1e6;
  return { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max) };
}

const row = (what: string, d: { p50: number; p99: number; max: number }, extra: string) =>
  `| ${what} | ${d.p50.toFixed(1)} ms | ${d.p99.toFixed(1)} ms | ${d.max.toFixed(1)} ms | ${extra} |`;

const pool = createProverPool({ size: availableParallelism() });
console.log(
  `machine: ${cpus()[0]?.model ?? 'cpu'} × ${availableParallelism()}, Node ${process.version}, ` +
    `load average ${loadavg()[0].toFixed(1)}; pool size ${pool.size}`,
);
const rows: string[] = [];

// 1. Mining at full load.
{
  const store = new CircuitStore({
    cacheDir: mkdtempSync(join(tmpdir(), 'sn2-bench-mt-')),
    offlineDir: null,
  });
  const prover = engineProver(
    store,
    makeProver({ store, pool, srsDir: mkdtempSync(join(tmpdir(), 'sn2-bench-srs-')), ezkl: null }),
  );
  await Promise.all(
    Array.from({ length: pool.size }, () =>
      prover.prove(PRACTICE_CIRCUIT_ID, generateInput(PRACTICE_CIRCUIT_ID), {}),
    ),
  );
  const minerKey = await Keypair.fromUri('//Bob//bench-main-thread');
  const miner = new Miner({
    hotkey: minerKey.address,
    server: v10Server(minerKey, { port: 0, host: '127.0.0.1' }),
    prover,
    chain: null,
    blacklist: { disabled: true },
    concurrency: pool.size,
    emit: () => undefined,
  });
  const { port } = await miner.start();
  const validators = await Promise.all(
    Array.from({ length: VALIDATORS }, (_, i) => Keypair.fromUri(`//Charlie//bench-mt-${i}`)),
  );
  let proofs = 0;
  const end = performance.now() + SECONDS * 1000;
  const d = await delayDuring(() =>
    Promise.all(
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
          const r = await dendrite.call(
            { ip: '127.0.0.1', port, hotkey: minerKey.address },
            QueryZkProof,
            synapse,
            {
              timeoutS: 60,
            },
          );
          if (r.dendrite.status_code === 200) proofs++;
        }
        dendrite.close();
      }),
    ),
  );
  await miner.stop();
  rows.push(
    row(
      `mining, ${VALIDATORS} validators, ${SECONDS} s`,
      d,
      `${proofs} proofs (${((proofs / SECONDS) * 60).toFixed(0)}/min)`,
    ),
  );
  console.log(rows.at(-1));
}

// 2. Validator PoW-256 batches.
{
  const vector = JSON.parse(
    readFileSync(join(fixtures, 'vectors', 'pow256-scoring-vector.json'), 'utf8'),
  ) as {
    score_vector_length: number;
    items_float32: Record<keyof PowItem, Array<number | boolean>>;
    freshness_validator_uid_overwrite: number[];
  };
  const cols = vector.items_float32;
  const items = cols.miner_uid.map((_, i) => {
    const item = {} as Record<string, unknown>;
    for (const key of Object.keys(cols)) item[key] = cols[key as keyof PowItem][i];
    return item as unknown as PowItem;
  });
  const wasm = join(fixtures, `model_${SINGLE_PROOF_OF_WEIGHTS_MODEL_ID}`, 'circuit.wasm');
  const batches = async (witness: WitnessCalculator, n: number) => {
    const t = performance.now();
    for (let i = 0; i < n; i++)
      await scorePowBatch(
        items,
        vector.score_vector_length,
        witness,
        vector.freshness_validator_uid_overwrite,
      );
    return (performance.now() - t) / n;
  };
  const onPool = poolWitnessCalculator(pool, wasm, POW_SCORING_WITNESS_PREFIX);
  await batches(onPool, 1); // warm the worker (curve, wasm)
  let perBatch = 0;
  const d = await delayDuring(async () => (perBatch = await batches(onPool, BATCHES)));
  rows.push(
    row(`validator PoW-256 batch ×${BATCHES}, witness on the pool`, d, `${perBatch.toFixed(0)} ms per batch`),
  );
  console.log(rows.at(-1));

  const wtns = (
    snarkjs as unknown as {
      wtns: {
        calculate(i: unknown, w: Uint8Array, o: { type: 'mem' }): Promise<void>;
        exportJson(o: { type: 'mem' }): Promise<bigint[]>;
      };
    }
  ).wtns;
  const bytes = readFileSync(wasm);
  const inProcess: WitnessCalculator = async (input) => {
    const out = { type: 'mem' as const };
    await wtns.calculate(input, bytes, out);
    return wtns.exportJson(out);
  };
  const before = await delayDuring(async () => (perBatch = await batches(inProcess, 1)));
  rows.push(
    row(
      'validator PoW-256 batch ×1, witness in-process (before)',
      before,
      `${perBatch.toFixed(0)} ms per batch`,
    ),
  );
  console.log(rows.at(-1));
}

console.log('\n| core thread while … | p50 | p99 | max | work done |\n|---|---|---|---|---|');
console.log(rows.join('\n'));
console.log(`load average after: ${loadavg()[0].toFixed(1)}`);
await pool.close();
process.exit(0);
