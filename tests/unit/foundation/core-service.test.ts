import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreService } from '../../../core/service/core-service.js';
import { silentLogger } from '../../../core/contract/logger.js';
import type { CoreEvent, ProofLogEntry } from '../../../core/contract/index.js';

const newService = () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sn2-core-'));
  return { dataDir, core: new CoreService({ dataDir, logger: silentLogger() }) };
};

const entry = (over: Partial<ProofLogEntry> = {}): ProofLogEntry => ({
  id: 'p1',
  at: Date.now(),
  role: 'miner',
  route: 'QueryZkProof',
  circuitId: 'c1',
  circuitName: 'Practice',
  inputBytes: 10,
  totalMs: 120,
  status: 'verified',
  ...over,
});

describe('CoreService', () => {
  it('validates command input and names the bad field', async () => {
    const { core } = newService();
    await expect(core.invoke('settings.update', { axon: { port: 'x' } })).rejects.toThrow(/axon\.port/);
    await expect(core.invoke('proofLog.list', { limit: -1 })).rejects.toThrow(
      /invalid input for proofLog\.list: limit/,
    );
    await expect(core.invoke('no.such' as 'app.info', {})).rejects.toThrow(/unknown command "no.such"/);
  });

  it('serves settings and app info through the contract', async () => {
    const { core, dataDir } = newService();
    expect((await core.invoke('app.info', {})).dataDir).toBe(dataDir);
    const updated = await core.invoke('settings.update', { network: 'test' });
    expect(updated.network).toBe('test');
    expect((await core.invoke('settings.get', {})).network).toBe('test');
  });

  it('proof events reach listeners and the persisted JSON-lines proof log', async () => {
    const { core, dataDir } = newService();
    const seen: CoreEvent[] = [];
    const off = core.onEvent((e) => seen.push(e));
    core.context.emit({ type: 'proof', entry: entry() });
    core.context.emit({ type: 'proof', entry: entry({ id: 'p2', status: 'failed', circuitId: 'c2' }) });
    off();
    core.context.emit({ type: 'proof', entry: entry({ id: 'p3' }) });
    expect(seen.map((e) => (e.type === 'proof' ? e.entry.id : e.type))).toEqual(['p1', 'p2']);
    expect((await core.invoke('proofLog.list', { status: 'failed' })).map((e) => e.id)).toEqual(['p2']);
    const lines = readFileSync(join(dataDir, 'logs', 'proofs.jsonl'), 'utf8')
      .trim()
      .split('\n');
    expect(lines.map((l) => JSON.parse(l).id)).toEqual(['p1', 'p2', 'p3']);
    // A new service over the same folder sees the persisted log.
    const again = new CoreService({ dataDir, logger: silentLogger() });
    expect((await again.invoke('proofLog.list', { limit: 2 })).map((e) => e.id)).toEqual(['p3', 'p2']);
  });

  it('refuses a malformed event before it leaves the core', () => {
    const { core } = newService();
    expect(() => core.context.emit({ type: 'proof', entry: { id: 1 } } as unknown as CoreEvent)).toThrow();
  });
});
