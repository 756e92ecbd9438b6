import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CircuitStore } from '../../../core/circuits/store.js';
import { createProverPool, type ProverPool } from '../../../core/provers/pool.js';
import { makeProver } from '../../../core/provers/prover.js';
import { locateEzkl } from '../../../core/provers/ezkl/native-cli.js';
import { CircuitUnavailableError } from '../../../core/provers/errors.js';

let pool: ProverPool;
let store: CircuitStore;

beforeAll(() => {
  pool = createProverPool({ size: 1 });
  store = new CircuitStore({ offlineDir: null, cacheDir: mkdtempSync(join(tmpdir(), 'sn2-c-')) });
});
afterAll(() => pool.close());

describe('without native ezkl', () => {
  const lstm = '31df94d233053d9648c3c57362d9aa8aaa0f77761ac520af672103dbb387a6a5';

  it('is reported absent with a clear reason, and EZKL circuits then have no capacity', async () => {
    const found = await locateEzkl({ binDir: mkdtempSync(join(tmpdir(), 'sn2-bin-')) });
    expect(found.cli).toBeNull();
    expect(found.reason).toMatch(/ezkl 22\.0\.1 is not installed/);
    const prover = makeProver({ store, pool, srsDir: tmpdir(), ezkl: null, ezklMissingReason: found.reason });
    expect(await prover.capability(lstm)).toEqual({ canProve: false, reason: found.reason });
    await expect(prover.prove(lstm, { list_items: [0.1, 0.2, 0.3, 0.4, 0.5] })).rejects.toThrow(
      /cannot be proven here/,
    );
  });

  it('cannot verify EZKL proofs either: no @ezkljs/engine fallback that cannot load ezkl-22 keys', async () => {
    const prover = makeProver({ store, pool, srsDir: tmpdir(), ezkl: null, ezklMissingReason: 'no ezkl' });
    expect(await prover.canVerify(lstm)).toBe(false);
    await expect(prover.verify(lstm, {}, '{"proof":[]}', '[]')).rejects.toBeInstanceOf(
      CircuitUnavailableError,
    );
  });
});
