import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRACTICE_CIRCUIT_ID, SINGLE_PROOF_OF_WEIGHTS_MODEL_ID } from '../../../core/circuits/constants.js';
import { generateInput } from '../../../core/circuits/inputs/registry.js';
import { CircuitStore, PRACTICE_CIRCUIT_DIR } from '../../../core/circuits/store.js';
import { createProverPool, type ProverPool } from '../../../core/provers/pool.js';
import { makeProver, type Prover } from '../../../core/provers/prover.js';
import {
  ProofCancelledError,
  ProofTimeoutError,
  ProverPoolClosedError,
} from '../../../core/provers/errors.js';
import { sharedPath } from '../../helpers/shared.js';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let pool: ProverPool;
let store: CircuitStore;
let prover: Prover;

beforeAll(() => {
  pool = createProverPool({ size: 2 });
  store = new CircuitStore({
    cacheDir: mkdtempSync(join(tmpdir(), 'sn2-cache-')),
    offlineDir: sharedPath('fixtures/sn2'),
  });
  prover = makeProver({ store, pool, srsDir: mkdtempSync(join(tmpdir(), 'sn2-srs-')), ezkl: null });
});
afterAll(() => pool.close());

describe('practice circuit', () => {
  it('has the id of its committed verification key', () => {
    const vk = readFileSync(join(PRACTICE_CIRCUIT_DIR, 'verification_key.json'));
    expect(createHash('sha256').update(vk).digest('hex')).toBe(PRACTICE_CIRCUIT_ID);
    expect(store.get(PRACTICE_CIRCUIT_ID).proofSystem).toBe('CIRCOM');
  });

  it('proves and verifies as a v10 validator would, and rejects tampering', async () => {
    expect(await prover.capability(PRACTICE_CIRCUIT_ID)).toEqual({ canProve: true });
    const input = generateInput(PRACTICE_CIRCUIT_ID);
    const r = await prover.prove(PRACTICE_CIRCUIT_ID, input);
    expect(r.prover).toBe('snarkjs');
    const signals = JSON.parse(r.publicSignalsText) as string[];
    expect(signals).toHaveLength(44);
    // EMA rule of the circuit, checked for the first miner.
    const prev = (input.previous_score as number[])[0];
    const v = (input.verified as boolean[])[0];
    const expectedScore = v
      ? Math.floor((prev * (1e8 - 1e7) + (input.maximum_score as number) * 1e7) / 1e8)
      : Math.floor((prev * (1e8 - 4e7)) / 1e8);
    expect(signals[0]).toBe(String(expectedScore));

    const ok = await prover.verify(PRACTICE_CIRCUIT_ID, input, r.proofText, r.publicSignalsText);
    expect(ok).toMatchObject({ verified: true, verifier: 'snarkjs' });
    expect(ok.proofSize).toBeGreaterThan(400);

    // A forged output is rejected.
    const forged = [...signals];
    forged[0] = String(BigInt(forged[0]) + 1n);
    expect(
      (await prover.verify(PRACTICE_CIRCUIT_ID, input, r.proofText, JSON.stringify(forged))).verified,
    ).toBe(false);
    // A proof for another input is rejected: the validator pins inputs to what it sent.
    const other = { ...input, previous_score: (input.previous_score as number[]).map((x) => x + 1) };
    expect((await prover.verify(PRACTICE_CIRCUIT_ID, other, r.proofText, r.publicSignalsText)).verified).toBe(
      false,
    );
    // A tampered proof point is rejected.
    const proof = JSON.parse(r.proofText) as { pi_a: string[] };
    proof.pi_a[0] = String(BigInt(proof.pi_a[0]) + 1n);
    expect(
      (await prover.verify(PRACTICE_CIRCUIT_ID, input, JSON.stringify(proof), r.publicSignalsText)).verified,
    ).toBe(false);
    // Garbage never throws, it just fails.
    expect(await prover.verify(PRACTICE_CIRCUIT_ID, input, 'not json', '[]')).toMatchObject({
      verified: false,
      proofSize: 5000,
    });
    expect((await prover.verify(PRACTICE_CIRCUIT_ID, input, r.proofText, '["1"]')).verified).toBe(false);
  });

  it('a miner that cheats on an input position gains nothing: the validator overwrites it', async () => {
    const input = generateInput(PRACTICE_CIRCUIT_ID);
    const r = await prover.prove(PRACTICE_CIRCUIT_ID, input);
    const signals = JSON.parse(r.publicSignalsText) as string[];
    signals[43] = '5'; // `scaling` position: replaced by the validator's value before verifying
    expect(
      (await prover.verify(PRACTICE_CIRCUIT_ID, input, r.proofText, JSON.stringify(signals))).verified,
    ).toBe(true);
  });
});

describe('SN2 PoW 256 circuit (4a87…)', () => {
  const vector = JSON.parse(
    readFileSync(sharedPath('fixtures/sn2/vectors/pow256-scoring-vector.json'), 'utf8'),
  ) as {
    circuit_input: Record<string, unknown>;
    expected: { witness_length: number; public_signals: string[]; new_score: string[] };
  };

  it('computes the scoring witness of the shared vector exactly', async () => {
    const wasmPath = await store.resolve(SINGLE_PROOF_OF_WEIGHTS_MODEL_ID, 'circuit.wasm');
    expect(wasmPath).not.toBeNull();
    const w = await pool.run({ kind: 'wtns.calculate', input: vector.circuit_input, wasmPath: wasmPath! });
    expect(w).toHaveLength(vector.expected.witness_length);
    expect(w[0]).toBe('1');
    expect(w.slice(1, 1 + vector.expected.public_signals.length)).toEqual(vector.expected.public_signals);
  });

  it('computes a witness for a generated benchmark input, with the inputs where settings.json puts them', async () => {
    const input = generateInput(SINGLE_PROOF_OF_WEIGHTS_MODEL_ID);
    const wasmPath = (await store.resolve(SINGLE_PROOF_OF_WEIGHTS_MODEL_ID, 'circuit.wasm'))!;
    const w = await pool.run({ kind: 'wtns.calculate', input, wasmPath });
    const settings = await store.readCircomSettings(SINGLE_PROOF_OF_WEIGHTS_MODEL_ID);
    let idx = 1;
    for (const name of settings.public_inputs.order) {
      const size = settings.public_inputs.sizes[name];
      const value = input[name];
      if (value !== undefined) {
        const values = (Array.isArray(value) ? value : [value]).map((v) =>
          String(typeof v === 'boolean' ? Number(v) : v),
        );
        expect(w.slice(idx, idx + size), name).toEqual(values);
      }
      idx += size;
    }
    // Scores stay within [0, max_score·scaling].
    for (const s of w.slice(1, 257)) expect(BigInt(s) <= 100_000_000n).toBe(true);
    // Without circuit.zkey (an external download) the miner reports it cannot prove.
    expect((await prover.capability(SINGLE_PROOF_OF_WEIGHTS_MODEL_ID)).canProve).toBe(false);
  });
});

describe('prover pool', () => {
  it('cancels a running job, times one out, and keeps working afterwards', async () => {
    const wasmPath = (await store.resolve(SINGLE_PROOF_OF_WEIGHTS_MODEL_ID, 'circuit.wasm'))!;
    const input = generateInput(SINGLE_PROOF_OF_WEIGHTS_MODEL_ID);
    const controller = new AbortController();
    const running = pool.run({ kind: 'wtns.calculate', input, wasmPath }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(running).rejects.toBeInstanceOf(ProofCancelledError);
    await expect(
      pool.run({ kind: 'wtns.calculate', input, wasmPath }, { timeoutMs: 50 }),
    ).rejects.toBeInstanceOf(ProofTimeoutError);
    const practice = generateInput(PRACTICE_CIRCUIT_ID);
    const r = await prover.prove(PRACTICE_CIRCUIT_ID, practice);
    expect(r.publicSignals).toHaveLength(44);
    expect(pool.stats()).toMatchObject({ queued: 0, running: 0 });
  });

  it('rejects queued jobs and ends every worker on close', async () => {
    const own = createProverPool({ size: 1 });
    const wasmPath = join(PRACTICE_CIRCUIT_DIR, 'circuit.wasm');
    const jobs = [1, 2, 3].map(() =>
      own
        .run({ kind: 'wtns.calculate', input: generateInput(PRACTICE_CIRCUIT_ID), wasmPath })
        .catch((e: unknown) => e),
    );
    expect(own.stats().queued).toBe(2);
    await own.close();
    for (const j of await Promise.all(jobs)) expect(j).toBeInstanceOf(ProverPoolClosedError);
    expect(own.stats()).toEqual({ queued: 0, running: 0, workers: 0 });
  });
});
