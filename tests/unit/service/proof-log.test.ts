import { describe, expect, it, vi } from 'vitest';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProofLogEntry } from '../../../core/contract/events.js';

/** Every whole-file synchronous read: the proof log must not block the thread with one at start. */
const syncReads: string[] = [];
vi.mock('node:fs', async (importActual) => {
  const fs = await importActual<typeof import('node:fs')>();
  return {
    ...fs,
    readFileSync: (path: string, ...rest: never[]) => {
      syncReads.push(String(path));
      return (fs.readFileSync as (...a: unknown[]) => unknown)(path, ...rest);
    },
  };
});
const { ProofLog } = await import('../../../core/service/proof-log.js');

const entry = (i: number): ProofLogEntry => ({
  id: `p${i}`,
  at: i,
  role: 'validator',
  route: 'QueryZkProof',
  circuitId: 'c',
  circuitName: 'c',
  inputBytes: 1,
  totalMs: 10,
  status: 'verified',
});

describe('proof log at start', () => {
  it('streams the file in the background, keeps order with appends made meanwhile, skips torn lines', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sn2-prooflog-')), 'proofs.jsonl');
    const lines = Array.from({ length: 20_000 }, (_, i) => JSON.stringify(entry(i)));
    writeFileSync(path, `${lines.join('\n')}\n{"id":"torn`);
    appendFileSync(path, '\nnot json\n');
    syncReads.length = 0;
    const log = new ProofLog(path, 10_000);
    log.append(entry(20_000));
    expect(syncReads).toEqual([]);
    const listed = await log.list({ limit: 10_001 });
    expect(listed).toHaveLength(10_000);
    expect(listed[0].id).toBe('p20000');
    expect(listed.at(-1)!.id).toBe('p10001');
    // Read back again, the appended entry is on disk once.
    const again = new ProofLog(path, 100_000);
    const all = await again.list({ limit: 100_000 });
    expect(all.filter((e) => e.id === 'p20000')).toHaveLength(1);
    expect(all).toHaveLength(20_001);
  });

  it('reads an old miner "verified" line as what it was: self-checked, or served when never checked', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sn2-prooflog-')), 'proofs.jsonl');
    const miner = (i: number, verifyMs?: number) =>
      JSON.stringify({ ...entry(i), role: 'miner', status: 'verified', ...(verifyMs ? { verifyMs } : {}) });
    writeFileSync(path, [miner(1, 12), miner(2), JSON.stringify(entry(3))].join('\n'));
    const statuses = (await new ProofLog(path).list({ limit: 3 })).map((e) => [e.id, e.role, e.status]);
    expect(statuses).toEqual([
      ['p3', 'validator', 'verified'],
      ['p2', 'miner', 'served'],
      ['p1', 'miner', 'self-checked'],
    ]);
  });

  it('reads a missing file as empty', async () => {
    const log = new ProofLog(join(mkdtempSync(join(tmpdir(), 'sn2-prooflog-')), 'none.jsonl'));
    expect(await log.list({ limit: 5 })).toEqual([]);
  });
});
