/**
 * The rapidsnark adapter against the real `prover` built from shared/vendor/rapidsnark, including every
 * failure mode its README records: each gives a typed error or a proof that verification rejects.
 */
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as snarkjs from 'snarkjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRACTICE_CIRCUIT_ID } from '../../../core/circuits/constants.js';
import { generateInput } from '../../../core/circuits/inputs/registry.js';
import { CircuitStore, PRACTICE_CIRCUIT_DIR } from '../../../core/circuits/store.js';
import { NativeToolCrashError, NativeToolError, ProofTimeoutError } from '../../../core/provers/errors.js';
import { checkNativeProver, detectNativeProvers } from '../../../core/provers/native/detect.js';
import { readProofFiles } from '../../../core/provers/native/native-groth16.js';
import { checkRapidsnarkUsage, Rapidsnark } from '../../../core/provers/native/rapidsnark.js';
import { runTool } from '../../../core/provers/native/run-tool.js';
import { createProverPool, type ProverPool } from '../../../core/provers/pool.js';
import { makeProver } from '../../../core/provers/prover.js';
import { rapidsnarkBinary } from '../../helpers/provers/rapidsnark.js';
import { tinyCircuit, type TinyCircuit } from '../../helpers/provers/tiny-circuit.js';

const ZKEY = join(PRACTICE_CIRCUIT_DIR, 'circuit.zkey');
const VKEY = JSON.parse(readFileSync(join(PRACTICE_CIRCUIT_DIR, 'verification_key.json'), 'utf8')) as object;
let bin: string;
let pool: ProverPool;
let work: string;
let wtns: string;
let tiny: TinyCircuit & { plonkZkey?: string };

const file = (name: string, data: string | Uint8Array) => {
  const p = join(work, name);
  writeFileSync(p, data);
  return p;
};
const verifies = (r: { proof: object; publicSignals: string[] }) =>
  snarkjs.groth16.verify(VKEY, r.publicSignals, r.proof as snarkjs.Groth16Proof);

beforeAll(async () => {
  bin = rapidsnarkBinary();
  pool = createProverPool({ size: 2 });
  work = mkdtempSync(join(tmpdir(), 'sn2-rs-test-'));
  wtns = join(work, 'practice.wtns');
  await pool.run({
    kind: 'wtns.write',
    input: generateInput(PRACTICE_CIRCUIT_ID),
    wasmPath: join(PRACTICE_CIRCUIT_DIR, 'circuit.wasm'),
    outPath: wtns,
  });
  tiny = await tinyCircuit(20, { plonk: true });
});
afterAll(async () => {
  await pool.close();
  rmSync(work, { recursive: true, force: true });
});

describe('rapidsnark detection (no --version: usage line, then a verified self-test proof)', () => {
  it('accepts the real prover after proving the practice circuit, and says where it came from', async () => {
    expect(await checkRapidsnarkUsage(bin)).toBeNull();
    const { provers, statuses } = await detectNativeProvers({
      nativePaths: { rapidsnark: bin },
      binDir: work,
      pool,
      cudaGpus: [],
      env: { PATH: '' },
    });
    expect(provers.map((p) => p.name)).toEqual(['rapidsnark']);
    expect(statuses[0]).toMatchObject({ name: 'rapidsnark', usable: true, path: bin, source: 'settings' });
    expect(statuses[0].selfTestMs).toBeGreaterThan(0);
    expect(statuses[1]).toMatchObject({ name: 'icicle-snark', usable: false });
  });

  it('finds it in the data folder bin/, and says why when it is absent or misconfigured', async () => {
    const binDir = mkdtempSync(join(tmpdir(), 'sn2-bin-'));
    const bundledDir = mkdtempSync(join(tmpdir(), 'sn2-bundled-'));
    const none = await detectNativeProvers({ binDir, bundledDir, pool, cudaGpus: [], env: { PATH: '' } });
    expect(none.statuses[0].reason).toMatch(/not installed/);
    const missing = await detectNativeProvers({
      nativePaths: { rapidsnark: '/nonexistent/prover' },
      binDir,
      pool,
      cudaGpus: [],
    });
    expect(missing.statuses[0].reason).toMatch(/\/nonexistent\/prover is not an executable file/);
    copyFileSync(bin, join(binDir, 'prover'));
    chmodSync(join(binDir, 'prover'), 0o755);
    const found = await detectNativeProvers({ binDir, bundledDir, pool, cudaGpus: [], env: { PATH: '' } });
    expect(found.statuses[0]).toMatchObject({ usable: true, source: 'data' });
  });

  it('refuses a binary that does not answer like rapidsnark, and one that dies with SIGILL', async () => {
    const other = file('not-rapidsnark', '#!/bin/sh\necho "some other tool"\nexit 1\n');
    chmodSync(other, 0o755);
    expect(await checkRapidsnarkUsage(other)).toMatch(/is not rapidsnark's prover/);
    await expect(checkNativeProver('rapidsnark', other, { pool, cudaGpus: [] })).rejects.toThrow(
      /not rapidsnark's prover/,
    );
    // What the ASM build does on a CPU without BMI2/ADX: the kernel kills it with SIGILL.
    const sigill = file('sigill', '#!/bin/sh\nkill -ILL $$\n');
    chmodSync(sigill, 0o755);
    await expect(checkNativeProver('rapidsnark', sigill, { pool, cudaGpus: [] })).rejects.toThrow(
      /SIGILL: this CPU lacks instructions the binary needs \(BMI2\/ADX/,
    );
  });
});

describe('rapidsnark proving (real binary)', () => {
  it('proves the practice circuit; snarkjs verifies the proof, written with snarkjs’ curve field', async () => {
    const r = await new Rapidsnark(bin).prove({ zkeyPath: ZKEY, wtnsPath: wtns }, { threads: 1 });
    expect(r.publicSignals).toHaveLength(44);
    expect(r.proof.curve).toBe('bn128');
    expect(await verifies(r)).toBe(true);
  });

  it('turns every documented failure into a typed one-line error', async () => {
    const rs = new Rapidsnark(bin);
    const fails = (zkeyPath: string, wtnsPath: string) => rs.prove({ zkeyPath, wtnsPath });
    await expect(fails(tiny.zkey, wtns)).rejects.toThrow(
      /^rapidsnark: Invalid witness length\. Circuit: \d+, witness: 1294$/,
    );
    await expect(fails(wtns, ZKEY)).rejects.toThrow(/^rapidsnark: Invalid file type/);
    await expect(fails(join(work, 'missing.zkey'), wtns)).rejects.toThrow(
      /^rapidsnark: open: No such file or directory$/,
    );
    await expect(fails(file('empty.zkey', ''), wtns)).rejects.toThrow(/^rapidsnark: mmap failed/);
    const zkey = readFileSync(ZKEY);
    await expect(fails(file('truncated.zkey', zkey.subarray(0, 300_000)), wtns)).rejects.toThrow(
      /is invalid/,
    );
    const w = readFileSync(wtns);
    await expect(fails(ZKEY, file('truncated.wtns', w.subarray(0, w.length - 100)))).rejects.toThrow(
      /is invalid/,
    );
    await expect(fails(tiny.plonkZkey!, wtns)).rejects.toThrow(/^rapidsnark: zkey file is not groth16$/);
    for (const [zkeyPath, wtnsPath] of [
      [tiny.zkey, wtns],
      [wtns, ZKEY],
    ])
      await expect(fails(zkeyPath, wtnsPath)).rejects.toBeInstanceOf(NativeToolError);
  });

  it('a corrupted zkey that crashes it with SIGSEGV is a crash error, not a reply', async () => {
    const zkey = Buffer.from(readFileSync(ZKEY));
    // Section 4 (the coefficients): point the first coefficient's signal index far out of range.
    let pos = 12;
    while (zkey.readUInt32LE(pos) !== 4) pos += 12 + Number(zkey.readBigUInt64LE(pos + 4));
    zkey.writeUInt32LE(0x7fffffff, pos + 12 + 4 + 8);
    const err = await new Rapidsnark(bin)
      .prove({ zkeyPath: file('corrupt.zkey', zkey), wtnsPath: wtns })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NativeToolCrashError);
    expect((err as NativeToolCrashError).signal).toBe('SIGSEGV');
  });

  it('exit 0 with an unwritable output path is caught: no proof file is a failure', async () => {
    const r = await runTool('rapidsnark', bin, [ZKEY, wtns, '/nonexistent/p.json', '/nonexistent/q.json']);
    expect(r.code).toBe(0);
    expect(() => readProofFiles('rapidsnark', '/nonexistent/p.json', '/nonexistent/q.json')).toThrow(
      /^rapidsnark: reported success but no proof file was written$/,
    );
  });

  it('a right-length wrong witness gives a proof that verification rejects', async () => {
    const w = Buffer.from(readFileSync(wtns));
    w[w.length - 40] ^= 0x01; // a witness value in section 2, still below the field modulus
    const r = await new Rapidsnark(bin).prove({ zkeyPath: ZKEY, wtnsPath: file('wrong.wtns', w) });
    expect(await verifies(r)).toBe(false);
  });

  it('is killed at its timeout (never a hang)', async () => {
    await expect(
      new Rapidsnark(bin).prove({ zkeyPath: ZKEY, wtnsPath: wtns }, { timeoutMs: 1 }),
    ).rejects.toBeInstanceOf(ProofTimeoutError);
  });
});

describe('the prover with rapidsnark', () => {
  it('proves through rapidsnark, and when it fails demotes it and answers with snarkjs', async () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'sn2-rs-copy-')), 'prover');
    copyFileSync(bin, copy);
    chmodSync(copy, 0o755);
    const warnings: string[] = [];
    const store = new CircuitStore({ offlineDir: null, cacheDir: mkdtempSync(join(tmpdir(), 'sn2-c-')) });
    const prover = makeProver({
      store,
      pool,
      srsDir: tmpdir(),
      ezkl: null,
      natives: [new Rapidsnark(copy)],
      logger: { warn: (_o, msg) => warnings.push(msg) },
    });
    const input = generateInput(PRACTICE_CIRCUIT_ID);
    const native = await prover.prove(PRACTICE_CIRCUIT_ID, input);
    expect(native.prover).toBe('rapidsnark');
    expect(native.timings.witnessMs).toBeGreaterThan(0);
    expect(
      (await prover.verify(PRACTICE_CIRCUIT_ID, input, native.proofText, native.publicSignalsText)).verified,
    ).toBe(true);

    rmSync(copy); // the binary disappears (uninstalled while running)
    const fallback = await prover.prove(PRACTICE_CIRCUIT_ID, input);
    expect(fallback.prover).toBe('snarkjs');
    expect(
      (await prover.verify(PRACTICE_CIRCUIT_ID, input, fallback.proofText, fallback.publicSignalsText))
        .verified,
    ).toBe(true);
    expect(warnings[0]).toMatch(
      /^rapidsnark failed, demoted for this circuit; proving with the next prover: rapidsnark: cannot run/,
    );
    expect((await prover.prove(PRACTICE_CIRCUIT_ID, input)).prover).toBe('snarkjs');
  });
});
