import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keypair } from '../../../core/bittensor/keys/index.js';
import { Dendrite } from '../../../core/bittensor/wire/dendrite.js';
import { fromPlain, parseSynapse, type PyValue } from '../../../core/bittensor/wire/index.js';
import { CircuitStore } from '../../../core/circuits/store.js';
import { generateInput } from '../../../core/circuits/inputs/registry.js';
import { PRACTICE_CIRCUIT_ID } from '../../../core/circuits/constants.js';
import { engineProver } from '../../../core/miner/engine-prover.js';
import { Miner } from '../../../core/miner/miner.js';
import { createProverPool } from '../../../core/provers/pool.js';
import { makeProver } from '../../../core/provers/prover.js';
import { QueryForCapacities, QueryZkProof } from '../../../core/sn2/transport/v10-synapses.js';
import { v10Server } from '../../../core/sn2/transport/v10-server.js';
import { silentLogger } from '../../../core/contract/logger.js';
import type { CoreEvent } from '../../../core/contract/events.js';
import { startMetrics, type RunningMetrics } from '../../../core/service/metrics/start-metrics.js';
import { attachMinerMetrics } from '../../../core/service/metrics/miner-metrics.js';

const pool = createProverPool({ size: 1 });
const events = new EventEmitter();
let miner: Miner;
let metrics: RunningMetrics;
let detach: () => void;
let port: number;
let minerKey: Keypair;
let validatorKey: Keypair;

beforeAll(async () => {
  const store = new CircuitStore({ cacheDir: mkdtempSync(join(tmpdir(), 'sn2-mm-')), offlineDir: null });
  const prover = makeProver({ store, pool, srsDir: mkdtempSync(join(tmpdir(), 'sn2-mm-srs-')), ezkl: null });
  minerKey = await Keypair.fromUri('//Bob//metrics-test');
  validatorKey = await Keypair.fromUri('//Charlie//metrics-test');
  miner = new Miner({
    hotkey: minerKey.address,
    server: v10Server(minerKey, { port: 0, host: '127.0.0.1' }),
    prover: engineProver(store, prover),
    chain: null,
    blacklist: { disabled: false },
    concurrency: 1,
    emit: (e: CoreEvent) => events.emit('event', e),
  });
  metrics = await startMetrics(
    { enabled: true, host: '127.0.0.1', port: 0 },
    { onEvent: (l) => (events.on('event', l), () => void events.off('event', l)) },
    silentLogger(),
  );
  detach = attachMinerMetrics(metrics.metrics, miner);
  port = (await miner.start()).port;
}, 60_000);

afterAll(async () => {
  detach?.();
  await metrics?.close();
  await miner?.stop();
  await pool.close();
});

const scrape = async () => (await fetch(`http://127.0.0.1:${metrics.server!.port}/metrics`)).text();

describe('the miner on Prometheus', () => {
  it('counts requests by synapse and status, refusals by reason, proof latency per circuit and prover, queue depth', async () => {
    const dendrite = new Dendrite(validatorKey);
    const target = { ip: '127.0.0.1', port, hotkey: minerKey.address };
    const proof = parseSynapse(QueryZkProof, {
      query_input: new Map<string, PyValue>([
        ['public_inputs', fromPlain(generateInput(PRACTICE_CIRCUIT_ID))],
        ['model_id', PRACTICE_CIRCUIT_ID],
      ]),
      query_output: '',
    });
    expect((await dendrite.call(target, QueryZkProof, proof, { timeoutS: 60 })).dendrite.status_code).toBe(
      200,
    );
    const caps = parseSynapse(QueryForCapacities, {});
    expect(
      (await dendrite.call(target, QueryForCapacities, caps, { timeoutS: 10 })).dendrite.status_code,
    ).toBe(200);
    dendrite.close();
    // Unsigned, and to routes a caller made up: refused, labelled without the caller's words.
    for (const route of ['QueryZkProof', 'toString', '__proto__', 'x'.repeat(300)])
      await fetch(`http://127.0.0.1:${port}/${route}`, { method: 'POST', body: '{}' }).then((r) => r.text());

    const text = await scrape();
    expect(text).toContain('sn2_axon_responses_total{route="QueryZkProof",status="200"} 1');
    expect(text).toContain('sn2_axon_responses_total{route="QueryForCapacities",status="200"} 1');
    expect(text).toMatch(/sn2_axon_responses_total\{route="unknown",status="404"\} 3/);
    // The refusal reasons are the ones the miner's refusal tracker shows (core/miner/refusals.ts): an unknown
    // route is no refusal of a caller, an unsigned request is a bad signature.
    expect(text).not.toMatch(/sn2_axon_refusals_total\{reason="[^"]*"\} 3/);
    expect(text).toMatch(/sn2_axon_refusals_total\{reason="bad-signature"\} 1/);
    expect(text).toMatch(
      /sn2_requests_total\{role="miner",route="QueryZkProof",status="(served|self-checked)"\} 1/,
    );
    expect(text).toMatch(/sn2_proof_duration_seconds_count\{role="miner",circuit="[^"]+",prover="[^"]+"\} 1/);
    expect(text).toContain('sn2_queue_depth{queue="miner_requests"} 0');
    expect(text).not.toContain('toString');
  }, 120_000);
});
