import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PRACTICE_CIRCUIT_ID } from '../../../core/circuits/constants.js';
import { generateInput } from '../../../core/circuits/inputs/registry.js';
import { CircuitStore, PRACTICE_CIRCUIT_DIR } from '../../../core/circuits/store.js';
import { NativeToolError, ProofTimeoutError } from '../../../core/provers/errors.js';
import { detectNativeGroth16, RAPIDSNARK } from '../../../core/provers/native/groth16-native.js';
import { createProverPool, type ProverPool } from '../../../core/provers/pool.js';
import { makeProver } from '../../../core/provers/prover.js';
import { locateEzkl } from '../../../core/provers/ezkl/native-cli.js';

const fake = fileURLToPath(new URL('./fixtures/fake-prover.mjs', import.meta.url));
let pool: ProverPool;
let store: CircuitStore;

beforeAll(() => {
  pool = createProverPool({ size: 1 });
  store = new CircuitStore({ offlineDir: null, cacheDir: mkdtempSync(join(tmpdir(), 'sn2-c-')) });
});
afterAll(() => pool.close());
afterEach(() => {
  delete process.env.FAKE_PROVER_MODE;
});

async function witnessFile(): Promise<string> {
  const outPath = join(mkdtempSync(join(tmpdir(), 'sn2-w-')), 'w.wtns');
  await pool.run({
    kind: 'wtns.write',
    input: generateInput(PRACTICE_CIRCUIT_ID),
    wasmPath: join(PRACTICE_CIRCUIT_DIR, 'circuit.wasm'),
    outPath,
  });
  return outPath;
}

describe('native Groth16 prover adapter (stand-in executable)', () => {
  it('detects the configured binary, checks its version, proves and streams progress', async () => {
    const found = await detectNativeGroth16(RAPIDSNARK, { configuredPath: fake });
    expect(found.prover?.version).toBe('0.0.8');
    const progress: number[] = [];
    const r = await found.prover!.prove(
      { zkeyPath: join(PRACTICE_CIRCUIT_DIR, 'circuit.zkey'), wtnsPath: await witnessFile() },
      { onProgress: (p) => progress.push(p), timeoutMs: 30_000 },
    );
    expect(progress).toEqual([0, 50, 100]);
    expect(r.publicSignals).toHaveLength(44);
  });

  it('refuses a missing binary or an old version, with the reason', async () => {
    expect((await detectNativeGroth16(RAPIDSNARK, { configuredPath: '/nonexistent/prover' })).reason).toMatch(
      /not an executable/,
    );
    expect((await detectNativeGroth16(RAPIDSNARK, {})).reason).toMatch(/not installed/);
    process.env.FAKE_PROVER_MODE = 'old';
    expect((await detectNativeGroth16(RAPIDSNARK, { configuredPath: fake })).reason).toMatch(/older than/);
  });

  it('kills a hung prover at the timeout and reports a failing one', async () => {
    const found = await detectNativeGroth16(RAPIDSNARK, { configuredPath: fake });
    const files = { zkeyPath: join(PRACTICE_CIRCUIT_DIR, 'circuit.zkey'), wtnsPath: await witnessFile() };
    process.env.FAKE_PROVER_MODE = 'hang';
    await expect(found.prover!.prove(files, { timeoutMs: 1500 })).rejects.toBeInstanceOf(ProofTimeoutError);
    process.env.FAKE_PROVER_MODE = 'fail';
    await expect(found.prover!.prove(files)).rejects.toThrow(/exited with code 3: out of memory/);
    process.env.FAKE_PROVER_MODE = 'garbage';
    await expect(found.prover!.prove(files)).rejects.toBeInstanceOf(NativeToolError);
  });

  it('the prover uses the native binary and falls back to snarkjs with a logged reason', async () => {
    const found = await detectNativeGroth16(RAPIDSNARK, { configuredPath: fake });
    const warnings: string[] = [];
    const prover = makeProver({
      store,
      pool,
      srsDir: tmpdir(),
      ezkl: null,
      nativeGroth16: found.prover,
      logger: { warn: (_o, msg) => warnings.push(msg) },
    });
    const input = generateInput(PRACTICE_CIRCUIT_ID);
    const native = await prover.prove(PRACTICE_CIRCUIT_ID, input);
    expect(native.prover).toBe('rapidsnark');
    expect(
      (await prover.verify(PRACTICE_CIRCUIT_ID, input, native.proofText, native.publicSignalsText)).verified,
    ).toBe(true);

    process.env.FAKE_PROVER_MODE = 'fail';
    const fallback = await prover.prove(PRACTICE_CIRCUIT_ID, input);
    expect(fallback.prover).toBe('snarkjs');
    expect(warnings[0]).toMatch(/falling back to snarkjs: .*exited with code 3/);
  });
});

describe('native ezkl', () => {
  it('is reported absent with a clear reason, and EZKL circuits then have no capacity', async () => {
    const found = await locateEzkl({ binDir: mkdtempSync(join(tmpdir(), 'sn2-bin-')) });
    expect(found.cli).toBeNull();
    expect(found.reason).toMatch(/ezkl 22\.0\.1 is not installed/);
    const prover = makeProver({ store, pool, srsDir: tmpdir(), ezkl: null, ezklMissingReason: found.reason });
    const lstm = '31df94d233053d9648c3c57362d9aa8aaa0f77761ac520af672103dbb387a6a5';
    expect(await prover.capability(lstm)).toEqual({ canProve: false, reason: found.reason });
    await expect(prover.prove(lstm, { list_items: [0.1, 0.2, 0.3, 0.4, 0.5] })).rejects.toThrow(
      /cannot be proven here/,
    );
  });
});
