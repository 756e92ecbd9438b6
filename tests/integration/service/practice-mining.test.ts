import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedPath } from '../../helpers/shared.js';
import { CoreService } from '../../../core/service/core-service.js';
import type { CoreEvent, ProofLogEntry } from '../../../core/contract/index.js';

/**
 * The app's "Practice" network through CoreService.invoke only: a real devnet, our miner registered,
 * our validator querying it over the real axon/dendrite with real proofs, round after round.
 */
describe('miner.start/stop and validator.start/stop on the practice network', () => {
  let core: CoreService;
  const events: CoreEvent[] = [];
  const statuses = (component: string) =>
    events.flatMap((e) => (e.type === 'status' && e.component === component ? [e.state] : []));
  const proofs = (role: ProofLogEntry['role']) =>
    events.flatMap((e) => (e.type === 'proof' && e.entry.role === role ? [e.entry] : []));

  beforeAll(() => {
    process.env.SN2_CIRCUITS_DIR = sharedPath('fixtures/sn2');
    process.env.SUBTENSOR_SPEC = sharedPath('fixtures/subtensor/aura-dev-spec293.json');
    core = new CoreService({ dataDir: mkdtempSync(join(tmpdir(), 'sn2-service-practice-')) });
    core.onEvent((e) => events.push(e));
  });
  afterAll(async () => {
    await core?.close();
  });

  it('mines round after round with verified proofs, then stops cleanly', async () => {
    expect((await core.invoke('miner.status', {})).state).toBe('stopped');
    const started = await core.invoke('miner.start', {});
    expect(started.state).toBe('running');
    expect(started.axon?.port).toBeGreaterThan(0);
    expect(started.detail).toMatch(/Practice network.*throwaway practice hotkey/);

    // The validator side joins the same practice network and leaves it without stopping the miner.
    expect((await core.invoke('validator.start', {})).state).toBe('running');
    expect((await core.invoke('validator.stop', {})).state).toBe('stopped');
    expect(statuses('validator')).toEqual(['starting', 'running', 'stopping', 'stopped']);

    await until(() => proofs('miner').filter((p) => p.status === 'self-checked').length >= 2, 120_000);
    const served = proofs('miner').filter((p) => p.status === 'self-checked');
    expect(served[0].route).toBe('QueryZkProof');
    expect(served[0].proveMs).toBeGreaterThan(0);
    expect(served[0].verifyMs).toBeGreaterThan(0);
    expect(proofs('validator').some((p) => p.status === 'verified')).toBe(true);
    expect(events.some((e) => e.type === 'standing' && e.standing.registered)).toBe(true);
    expect(events.some((e) => e.type === 'circuitStats' && e.stats[0]?.count > 0)).toBe(true);
    // The practice epoch (every 30 s): scores, weights on chain, blocks past the epoch, standing.
    await until(() => events.some((e) => e.type === 'weights' && e.ok), 90_000);
    const standings = events.flatMap((e) => (e.type === 'standing' ? [e.standing] : []));
    await until(() => events.filter((e) => e.type === 'standing').length > standings.length, 30_000);
    const running = await core.invoke('miner.status', {});
    expect(running.stats[0].count).toBeGreaterThanOrEqual(2);

    const stopped = await core.invoke('miner.stop', {});
    expect(stopped.state).toBe('stopped');
    expect(stopped.inFlight).toBe(0);
    expect(statuses('miner')).toEqual(['starting', ...runOf('starting'), 'running', 'stopping', 'stopped']);
    // Nothing was cut mid-way: every request the miner took has its proof-log entry.
    expect(proofs('miner').every((p) => p.status === 'self-checked')).toBe(true);
    const listed = await core.invoke('proofLog.list', { status: 'self-checked' });
    expect(listed.length).toBeGreaterThanOrEqual(2);
    // The UI's request counts (metrics.snapshot) count every request the proof log has.
    const counted = (await core.invoke('metrics.snapshot', {}))
      .find((m) => m.name === 'sn2_requests_total')
      ?.values.filter((v) => v.labels.role === 'miner')
      .reduce((sum, v) => sum + v.value, 0);
    expect(counted).toBe(proofs('miner').length);

    const lines = await core.invoke('logs.tail', { lines: 50 });
    expect(lines.some((l) => l.includes('"component":"miner"') && l.includes('stopped'))).toBe(true);
  }, 400_000);

  /** `starting` repeats with progress details (devnet, subnet, axon) before `running`. */
  function runOf(state: string): string[] {
    const miner = statuses('miner');
    const end = miner.indexOf('running');
    return miner.slice(1, end).filter((s) => s === state);
  }
});

async function until(ok: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
