import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PRACTICE_CIRCUIT_ID } from '../../../core/circuits/constants.js';
import { validatorCircuits } from '../../../core/validator/validator-circuits.js';
import { EZKL_VERSION, EzklCli } from '../../../core/provers/ezkl/native-cli.js';
import { createProverPool } from '../../../core/provers/pool.js';
import { makeProver } from '../../../core/provers/prover.js';
import { practiceStore } from '../../helpers/sn2/practice-setup.js';

// The shared fixtures: the LSTM (EZKL, vk.key + settings.json) and the PoW-256 (CIRCOM) verify files.
const LSTM = '31df94d233053d9648c3c57362d9aa8aaa0f77761ac520af672103dbb387a6a5';
const POW = '4a87c995300f4e9ad9add9d5b800eb93bb3ecd3f9459b617f9924a211407a88c';

const store = practiceStore();
const pool = createProverPool({ size: 1 });
const srsDir = join(tmpdir(), 'sn2-test-srs');

afterAll(() => pool.close());

describe('validatorCircuits asks the proving engine what it can verify', () => {
  it('without native ezkl: the Circom circuits with verify files, never an EZKL one', async () => {
    const prover = makeProver({ store, pool, srsDir, ezkl: null });
    const ids = [...(await validatorCircuits(store, prover, false)).keys()];
    expect(ids).toContain(POW);
    expect(ids).toContain(PRACTICE_CIRCUIT_ID);
    expect(ids).not.toContain(LSTM);
    for (const id of ids) expect(store.get(id).proofSystem).toBe('CIRCOM');
  });

  it('with native ezkl: the EZKL circuit whose vk and settings are present joins, with its weight', async () => {
    // The native tool cannot run here; verifying capability only needs to know it is installed.
    const ezkl = new EzklCli('/opt/ezkl/bin/ezkl', EZKL_VERSION);
    const prover = makeProver({ store, pool, srsDir, ezkl });
    const circuits = await validatorCircuits(store, prover, false);
    expect(circuits.get(LSTM)).toMatchObject({ proofSystem: 'EZKL', weight: 0.2 });
    expect(circuits.has(POW)).toBe(true);
    for (const id of circuits.keys()) expect(await prover.canVerify(id)).toBe(true);
    const unverifiable = store.list().filter((c) => !circuits.has(c.id));
    for (const c of unverifiable) expect(await prover.canVerify(c.id)).toBe(false);
  });

  it('practice: the practice circuit at weight 1, SN2 circuits only where the local miner can prove them', async () => {
    const prover = makeProver({ store, pool, srsDir, ezkl: null });
    const circuits = await validatorCircuits(store, prover, true);
    expect(circuits.get(PRACTICE_CIRCUIT_ID)?.weight).toBe(1);
    // The PoW-256 proving key is not among the fixtures: verifiable, not provable, so not sent.
    expect(circuits.has(POW)).toBe(false);
  });
});
