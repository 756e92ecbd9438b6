/**
 * `sn2 practice` with rapidsnark configured (as `sn2 provers use rapidsnark …` saves it): the miner
 * proves the practice circuit through the real binary, the proof log says so and how long it took, and
 * the validator verifies every proof (real subtensor runtime, real axon/dendrite).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../../core/contract/events.js';
import { runPractice } from '../../../core/practice/practice.js';
import { rapidsnarkBinary } from '../../helpers/provers/rapidsnark.js';
import { sharedPath } from '../../helpers/shared.js';

describe('practice with rapidsnark', () => {
  it('the miner proves through rapidsnark and every proof verifies', async () => {
    process.env.SN2_CIRCUITS_DIR = sharedPath('fixtures/sn2');
    const events: CoreEvent[] = [];
    const summary = await runPractice({
      rounds: 2,
      dataDir: mkdtempSync(join(tmpdir(), 'sn2-practice-rs-')),
      specPath: sharedPath('fixtures/subtensor/aura-dev-spec293.json'),
      prover: { preferNative: true, nativePaths: { rapidsnark: rapidsnarkBinary() } },
      emit: (e) => events.push(e),
    });
    expect(summary).toMatchObject({ requested: 2, verified: 2, failed: 0 });
    const mined = events.flatMap((e) => (e.type === 'proof' && e.entry.role === 'miner' ? [e.entry] : []));
    expect(mined).toHaveLength(2);
    for (const entry of mined) {
      expect(entry.prover).toBe('rapidsnark');
      expect(entry.proveMs).toBeGreaterThan(0);
      expect(entry.witnessMs).toBeGreaterThan(0);
    }
  }, 400_000);
});
