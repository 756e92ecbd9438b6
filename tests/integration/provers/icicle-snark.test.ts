/**
 * The icicle-snark adapter speaks the real tool's stdin protocol (src/main.rs), here against a stand-in
 * that reproduces it (no GPU on this machine): one warm process fed jobs, staging for paths with
 * spaces, a panic kills the process and the next job starts a new one.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as snarkjs from 'snarkjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRACTICE_CIRCUIT_ID } from '../../../core/circuits/constants.js';
import { generateInput } from '../../../core/circuits/inputs/registry.js';
import { PRACTICE_CIRCUIT_DIR } from '../../../core/circuits/store.js';
import { NativeToolError, ProofTimeoutError } from '../../../core/provers/errors.js';
import { checkNativeProver, detectNativeProvers } from '../../../core/provers/native/detect.js';
import { IcicleSnark } from '../../../core/provers/native/icicle-snark.js';
import { createProverPool, type ProverPool } from '../../../core/provers/pool.js';
import { tinyCircuit } from '../../helpers/provers/tiny-circuit.js';

const standIn = fileURLToPath(new URL('./fixtures/icicle-snark-standin.mjs', import.meta.url));
const ZKEY = join(PRACTICE_CIRCUIT_DIR, 'circuit.zkey');
const VKEY = JSON.parse(readFileSync(join(PRACTICE_CIRCUIT_DIR, 'verification_key.json'), 'utf8')) as object;
const GPU = [{ name: 'NVIDIA H100', memoryMb: 81_559, driverVersion: '550.54.15' }];
let pool: ProverPool;
let work: string;
let wtns: string;

beforeAll(async () => {
  pool = createProverPool({ size: 1 });
  work = mkdtempSync(join(tmpdir(), 'sn2-icicle-test-'));
  // The CUDA backend the real tool loads from ICICLE_BACKEND_INSTALL_DIR.
  process.env.ICICLE_BACKEND_INSTALL_DIR = mkdtempSync(join(tmpdir(), 'sn2-icicle-backend-'));
  const spaced = join(work, 'folder with spaces');
  mkdirSync(spaced);
  wtns = join(spaced, 'practice.wtns');
  await pool.run({
    kind: 'wtns.write',
    input: generateInput(PRACTICE_CIRCUIT_ID),
    wasmPath: join(PRACTICE_CIRCUIT_DIR, 'circuit.wasm'),
    outPath: wtns,
  });
});
afterAll(async () => {
  delete process.env.ICICLE_BACKEND_INSTALL_DIR;
  await pool.close();
  rmSync(work, { recursive: true, force: true });
});

describe('icicle-snark adapter (stdin protocol)', () => {
  it('proves on one warm process, staging a path with spaces; snarkjs verifies every proof', async () => {
    const icicle = new IcicleSnark(standIn, 'CUDA');
    try {
      for (let i = 0; i < 2; i++) {
        const r = await icicle.prove({ zkeyPath: ZKEY, wtnsPath: wtns }, { timeoutMs: 60_000 });
        expect(await snarkjs.groth16.verify(VKEY, r.publicSignals, r.proof as snarkjs.Groth16Proof)).toBe(
          true,
        );
      }
    } finally {
      await icicle.close();
    }
  });

  it('a panic (wrong zkey) is a typed error with its message, and the next job gets a new process', async () => {
    const icicle = new IcicleSnark(standIn, 'CUDA');
    try {
      const tiny = await tinyCircuit(20);
      const err = await icicle.prove({ zkeyPath: tiny.zkey, wtnsPath: wtns }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NativeToolError);
      expect((err as Error).message).toMatch(
        /^icicle-snark: exited with code 101: panicked: .*Invalid witness length/,
      );
      const r = await icicle.prove({ zkeyPath: ZKEY, wtnsPath: wtns });
      expect(r.publicSignals).toHaveLength(44);
    } finally {
      await icicle.close();
    }
  });

  it('kills the process at the timeout, then serves the next job', async () => {
    const icicle = new IcicleSnark(standIn, 'CUDA');
    try {
      await expect(icicle.prove({ zkeyPath: ZKEY, wtnsPath: wtns }, { timeoutMs: 1 })).rejects.toBeInstanceOf(
        ProofTimeoutError,
      );
      expect((await icicle.prove({ zkeyPath: ZKEY, wtnsPath: wtns })).publicSignals).toHaveLength(44);
    } finally {
      await icicle.close();
    }
  });

  it('is offered only with a CUDA GPU, and then only after a verified self-test', async () => {
    await expect(checkNativeProver('icicle-snark', standIn, { pool, cudaGpus: [] })).rejects.toThrow(
      /no CUDA GPU/,
    );
    const { provers, statuses } = await detectNativeProvers({
      nativePaths: { 'icicle-snark': standIn },
      binDir: work,
      pool,
      cudaGpus: GPU,
      env: { PATH: '' },
    });
    expect(statuses.find((s) => s.name === 'icicle-snark')).toMatchObject({
      usable: true,
      source: 'settings',
    });
    await Promise.all(provers.map((p) => p.close()));
  });

  it('without the CUDA backend the tool panics, and the self-test refuses it', async () => {
    const saved = process.env.ICICLE_BACKEND_INSTALL_DIR;
    process.env.ICICLE_BACKEND_INSTALL_DIR = join(work, 'no-backend');
    try {
      await expect(checkNativeProver('icicle-snark', standIn, { pool, cudaGpus: GPU })).rejects.toThrow(
        /failed its self-test: icicle-snark: exited with code 101: panicked/,
      );
    } finally {
      process.env.ICICLE_BACKEND_INSTALL_DIR = saved;
    }
  });
});

/** Feeds the stand-in these lines; its exit code, stdout and stderr. */
async function runStandIn(input: string): Promise<{ code: unknown; out: string; err: string }> {
  const child = spawn(process.execPath, [standIn], { stdio: 'pipe' });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  child.stdin.end(input);
  const code = await new Promise((resolve) => child.on('close', resolve));
  return { code, out, err };
}

describe('the stand-in reproduces src/main.rs (master f311526)', () => {
  it('prompts, answers empty lines, prints usage with no completion for bad commands, exits on "exit"', async () => {
    // "witness" was a command at 06cd7d1; master dropped it, so it is unknown there.
    const { code, out } = await runStandIn('\nprove --witness\nbogus\nwitness --input in.json\nEXIT\n');
    expect(code).toBe(0);
    expect(out.startsWith('> COMMAND_EMPTY\nCOMMAND_COMPLETED\n> Usage: prove [OPTIONS]')).toBe(true);
    expect(out.match(/COMMAND_COMPLETED/g)).toHaveLength(2);
    expect(out.match(/Usage: prove/g)).toHaveLength(3);
    expect(out.endsWith('> COMMAND_EXIT\nCOMMAND_COMPLETED\nExiting CLI worker...\n')).toBe(true);
  });

  it('verifies: a good proof completes, a tampered one panics at lib.rs:79 with exit 101', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sn2-icicle-verify-'));
    const vk = join(dir, 'vk.json');
    const proof = join(dir, 'proof.json');
    const pub = join(dir, 'public.json');
    const witness = join(dir, 'w.wtns'); // its own folder has a space, which the CLI would split on
    copyFileSync(wtns, witness);
    writeFileSync(vk, JSON.stringify(VKEY));
    const good = await runStandIn(
      `prove --witness ${witness} --zkey ${ZKEY} --proof ${proof} --public ${pub} --device CPU\n` +
        `verify --proof ${proof} --public ${pub} --vk ${vk}\nexit\n`,
    );
    expect(good.code).toBe(0);
    expect(good.out.match(/COMMAND_COMPLETED/g)).toHaveLength(3);
    const signals = JSON.parse(readFileSync(pub, 'utf8')) as string[];
    writeFileSync(pub, JSON.stringify([String(BigInt(signals[0]!) + 1n), ...signals.slice(1)]));
    const bad = await runStandIn(`verify --proof ${proof} --public ${pub} --vk ${vk}\n`);
    expect(bad.code).toBe(101);
    expect(bad.err).toContain('panicked at src/lib.rs:79:5:\nVerification failed');
    rmSync(dir, { recursive: true, force: true });
  });
});
