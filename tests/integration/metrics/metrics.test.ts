import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreService } from '../../../core/service/core-service.js';
import { silentLogger } from '../../../core/contract/logger.js';
import { Sn2Metrics, attachMetrics } from '../../../core/service/metrics/sn2-metrics.js';
import { startMetricsServer, type MetricsServer } from '../../../core/service/metrics/metrics-server.js';
import type { ProofLogEntry } from '../../../core/contract/index.js';

let dir: string;
let service: CoreService;
let metrics: Sn2Metrics;
let server: MetricsServer;
let detach: () => void;

const proof = (over: Partial<ProofLogEntry>): ProofLogEntry => ({
  id: Math.random().toString(36),
  at: Date.now(),
  role: 'validator',
  route: 'QueryZkProof',
  circuitId: '4a87c995300f4e9ad9add9d5b800eb93bb3ecd3f9459b617f9924a211407a88c',
  circuitName: 'SN2 PoW 256 Circom',
  inputBytes: 100,
  totalMs: 1500,
  status: 'verified',
  ...over,
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sn2-metrics-'));
  service = new CoreService({ dataDir: dir, logger: silentLogger() });
  metrics = new Sn2Metrics();
  detach = attachMetrics(service, metrics);
  server = await startMetricsServer({ port: 0, metrics, logger: silentLogger() });
});

afterAll(async () => {
  detach();
  await server.close();
  await service.close();
  rmSync(dir, { recursive: true, force: true });
});

const scrape = async () => {
  const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
};

describe('metrics from the CoreService event stream', () => {
  it('counts proofs, latencies, verification outcomes, weights, chain health and component state', async () => {
    const emit = service.context.emit;
    emit({ type: 'proof', entry: proof({ status: 'verified', verifyMs: 40 }) });
    emit({ type: 'proof', entry: proof({ status: 'failed', totalMs: 61_000 }) });
    emit({
      type: 'proof',
      entry: proof({ role: 'miner', route: 'QueryZkProof', prover: 'snarkjs', proveMs: 900, witnessMs: 100 }),
    });
    emit({ type: 'chain', state: 'connected', endpoint: 'ws://127.0.0.1:9944', latencyMs: 12, block: 1234 });
    emit({ type: 'weights', ok: true, block: 1300, uids: [0, 1, 2], method: 'set_weights' });
    emit({ type: 'weights', ok: false, uids: [0], method: 'set_weights', detail: 'SettingWeightsTooFast' });
    emit({ type: 'status', component: 'validator', state: 'running', at: Date.now() });
    metrics.recordApiRequest('rpc:subnet-2.proof_of_computation', 'ok');
    const untrack = metrics.trackQueue('validator_requests', () => 7);

    const text = await scrape();
    untrack();
    expect(text).toContain('sn2_requests_total{role="validator",route="QueryZkProof",status="verified"} 1');
    expect(text).toContain('sn2_requests_total{role="validator",route="QueryZkProof",status="failed"} 1');
    expect(text).toContain(
      'sn2_proof_duration_seconds_bucket{le="2",role="validator",circuit="SN2 PoW 256 Circom",prover="none"} 1',
    );
    expect(text).toContain(
      'sn2_proof_duration_seconds_count{role="miner",circuit="SN2 PoW 256 Circom",prover="snarkjs"} 1',
    );
    expect(text).toContain(
      'sn2_proof_stage_seconds_sum{role="miner",circuit="SN2 PoW 256 Circom",stage="prove"} 0.9',
    );
    expect(text).toContain('sn2_verifications_total{circuit="SN2 PoW 256 Circom",outcome="failed"} 1');
    expect(text).toContain('sn2_chain_connected{endpoint="ws://127.0.0.1:9944"} 1');
    expect(text).toContain('sn2_chain_block{endpoint="ws://127.0.0.1:9944"} 1234');
    expect(text).toContain('sn2_weights_submissions_total{method="set_weights",ok="true"} 1');
    expect(text).toContain('sn2_weights_submissions_total{method="set_weights",ok="false"} 1');
    expect(text).toContain('sn2_weights_uids 3');
    expect(text).toContain('sn2_component_state{component="validator",state="running"} 1');
    expect(text).toContain('sn2_component_state{component="validator",state="stopped"} 0');
    expect(text).toContain(
      'sn2_external_api_requests_total{route="rpc:subnet-2.proof_of_computation",status="ok"} 1',
    );
    expect(text).toContain('sn2_queue_depth{queue="validator_requests"} 7');
    expect(text).toMatch(/sn2_process_resident_memory_bytes \d+/);
  });

  it('marks the chain down on disconnect', async () => {
    service.context.emit({ type: 'chain', state: 'disconnected', endpoint: 'ws://127.0.0.1:9944' });
    expect(await scrape()).toContain('sn2_chain_connected{endpoint="ws://127.0.0.1:9944"} 0');
  });

  it('offers the same figures as a JSON snapshot for the UI', async () => {
    const snap = await metrics.snapshot();
    const requests = snap.find((m) => m.name === 'sn2_requests_total')!;
    expect(requests.type).toBe('counter');
    expect(requests.values).toContainEqual({
      labels: { role: 'validator', route: 'QueryZkProof', status: 'verified' },
      value: 1,
    });
  });

  it('answers only GET /metrics', async () => {
    expect((await fetch(`http://127.0.0.1:${server.port}/`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${server.port}/metrics`, { method: 'POST' })).status).toBe(404);
  });
});
