import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedPath } from '../../helpers/shared.js';
import { runPractice } from '../../../core/practice/practice.js';
import type { CoreEvent } from '../../../core/contract/events.js';

describe('sn2 practice end-to-end (real subtensor runtime, real axon/dendrite, real proofs)', () => {
  it('runs 3 rounds: every honest proof verified, weights read back from chain storage', async () => {
    process.env.SN2_CIRCUITS_DIR = sharedPath('fixtures/sn2');
    const events: CoreEvent[] = [];
    const summary = await runPractice({
      rounds: 3,
      dataDir: mkdtempSync(join(tmpdir(), 'sn2-practice-')),
      specPath: sharedPath('fixtures/subtensor/aura-dev-spec293.json'),
      emit: (e) => events.push(e),
    });
    expect(summary.requested).toBe(3);
    expect(summary.verified).toBe(3);
    expect(summary.failed).toBe(0);
    expect(summary.minerScore).toBeGreaterThan(0);
    // Weights(netuid, validator uid) as stored on chain: the owner burn (uid 0) and our miner.
    expect(summary.weights?.uids).toEqual(expect.arrayContaining([0, summary.minerUid]));
    expect(summary.weights?.block).toBeGreaterThan(summary.blocks.start);
    const proofs = events.flatMap((e) => (e.type === 'proof' ? [e.entry] : []));
    expect(proofs.filter((p) => p.role === 'validator' && p.status === 'verified')).toHaveLength(3);
    expect(proofs.filter((p) => p.role === 'miner')).toHaveLength(3);
    expect(events.some((e) => e.type === 'weights' && e.ok)).toBe(true);
    console.log(JSON.stringify(summary));
  }, 400_000);
});
