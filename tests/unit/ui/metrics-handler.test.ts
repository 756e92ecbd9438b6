import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreService } from '../../../core/service/core-service.js';
import { silentLogger } from '../../../core/contract/logger.js';
import { metricsHandlers } from '../../../core/service/handlers/metrics.js';
import {
  MetricSnapshotSchema,
  type MetricSnapshot,
  type ProofLogEntry,
} from '../../../core/contract/index.js';

const services: CoreService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
});

function service(): CoreService {
  const s = new CoreService({ dataDir: mkdtempSync(join(tmpdir(), 'sn2-metrics-')), logger: silentLogger() });
  services.push(s);
  return s;
}

const proof = (i: number, status: ProofLogEntry['status'], totalMs: number): ProofLogEntry => ({
  id: `p${i}`,
  at: 1_700_000_000_000 + i,
  role: 'validator',
  route: 'QueryZkProof',
  circuitId: 'c'.repeat(64),
  circuitName: 'LSTM',
  minerUid: i,
  inputBytes: 10,
  totalMs,
  status,
});

const value = (snap: MetricSnapshot[], name: string, labels: Record<string, string>, metricName?: string) =>
  snap
    .find((m) => m.name === name)
    ?.values.find(
      (v) =>
        (metricName === undefined || v.metricName === metricName) &&
        Object.entries(labels).every(([k, want]) => String(v.labels[k]) === want),
    )?.value;

describe('metrics.snapshot', () => {
  it('counts the events the service emits: requests, verification outcomes and latency', async () => {
    const core = service();
    core.context.emit({ type: 'proof', entry: proof(1, 'verified', 800) });
    core.context.emit({ type: 'proof', entry: proof(2, 'verified', 1500) });
    core.context.emit({ type: 'proof', entry: proof(3, 'failed', 300) });
    const snap = await core.invoke('metrics.snapshot', {});
    expect(() => MetricSnapshotSchema.array().parse(snap)).not.toThrow();
    expect(value(snap, 'sn2_requests_total', { route: 'QueryZkProof', status: 'verified' })).toBe(2);
    expect(value(snap, 'sn2_verifications_total', { circuit: 'LSTM', outcome: 'failed' })).toBe(1);
    const hist = 'sn2_proof_duration_seconds';
    expect(value(snap, hist, { circuit: 'LSTM' }, `${hist}_count`)).toBe(3);
    expect(value(snap, hist, { circuit: 'LSTM', le: '1' }, `${hist}_bucket`)).toBe(2);
  });

  it('leaves process metrics out of the UI snapshot', async () => {
    const snap = await service().invoke('metrics.snapshot', {});
    expect(snap.map((m) => m.name)).not.toContain('sn2_process_cpu_seconds_total');
    expect(snap.every((m) => m.name.startsWith('sn2_'))).toBe(true);
  });

  it('stops following the event stream once disposed', async () => {
    const core = service();
    const area = metricsHandlers(core.context);
    const snapshot = area.handlers['metrics.snapshot'];
    if (!snapshot) throw new Error('metrics.snapshot not served');
    core.context.emit({ type: 'proof', entry: proof(1, 'verified', 100) });
    await area.dispose?.();
    core.context.emit({ type: 'proof', entry: proof(2, 'verified', 100) });
    const snap = await snapshot({});
    expect(value(snap, 'sn2_requests_total', { status: 'verified' })).toBe(1);
  });
});
