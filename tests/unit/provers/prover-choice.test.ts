import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProverChoice, proverFingerprint } from '../../../core/provers/choice/prover-choice.js';

const file = () => join(mkdtempSync(join(tmpdir(), 'sn2-choice-')), 'prover-times.json');

describe('ProverChoice', () => {
  it('tries native provers first until measured, then the fastest; snarkjs is always the last resort', () => {
    const c = new ProverChoice({ available: ['rapidsnark'], file: null, fingerprint: 'a' });
    expect(c.order('c1')).toEqual(['rapidsnark', 'snarkjs']);
    c.record('c1', 'snarkjs', { ms: 100 });
    c.record('c1', 'rapidsnark', { ms: 20 });
    expect(c.order('c1')).toEqual(['rapidsnark', 'snarkjs']);
    c.record('c2', 'snarkjs', { ms: 10 });
    c.record('c2', 'rapidsnark', { ms: 30 });
    expect(c.chosen('c2')).toBe('snarkjs');
    expect(c.order('c2')).toEqual(['snarkjs', 'rapidsnark']);
  });

  it('drops a prover that failed its measurement or was demoted, never snarkjs', () => {
    const c = new ProverChoice({ available: ['rapidsnark', 'icicle-snark'], file: null, fingerprint: 'a' });
    expect(c.order('c1')).toEqual(['icicle-snark', 'rapidsnark', 'snarkjs']);
    c.record('c1', 'icicle-snark', { error: 'panicked' });
    expect(c.order('c1')).toEqual(['rapidsnark', 'snarkjs']);
    c.demote('c1', 'rapidsnark', 'crashed');
    c.demote('c1', 'snarkjs', 'ignored');
    expect(c.order('c1')).toEqual(['snarkjs']);
    expect(c.order('c2')).toEqual(['icicle-snark', 'rapidsnark', 'snarkjs']);
    expect(c.table()).toEqual([
      { circuitId: 'c1', prover: 'icicle-snark', ms: null, error: 'panicked', chosen: false },
    ]);
  });

  it('keeps measurements for the same provers, and starts afresh when the set of provers changes', () => {
    const f = file();
    new ProverChoice({ available: ['rapidsnark'], file: f, fingerprint: 'v1' }).record('c1', 'rapidsnark', {
      ms: 5,
    });
    const same = new ProverChoice({ available: ['rapidsnark'], file: f, fingerprint: 'v1' });
    expect(same.unmeasured('c1')).toEqual(['snarkjs']);
    const changed = new ProverChoice({ available: ['rapidsnark'], file: f, fingerprint: 'v2' });
    expect(changed.unmeasured('c1')).toEqual(['rapidsnark', 'snarkjs']);
    writeFileSync(f, '{not json');
    expect(new ProverChoice({ available: [], file: f, fingerprint: 'v1' }).table()).toEqual([]);
  });

  it('fingerprints binaries by path, size and time, so a replaced binary is measured again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sn2-fp-'));
    const p = join(dir, 'prover');
    writeFileSync(p, 'a');
    const before = proverFingerprint([{ name: 'rapidsnark', path: p }]);
    writeFileSync(p, 'bb');
    expect(proverFingerprint([{ name: 'rapidsnark', path: p }])).not.toBe(before);
    expect(proverFingerprint([])).toBe('');
  });
});
