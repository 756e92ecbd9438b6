/**
 * Small Groth16/PLONK circuits for the native-prover tests and the benchmark: a chain of `n`
 * multiplications compiled with circom2, set up over a local powers of tau (the practice circuit's
 * pot11 for n < 2000; a fresh, cached one for larger n). No phase-2 contribution: a `zkey new` output
 * proves and verifies like any other.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as snarkjs from 'snarkjs';
import { PRACTICE_CIRCUIT_DIR } from '../../../core/circuits/store.js';

export interface TinyCircuit {
  dir: string;
  wasm: string;
  zkey: string;
  vkey: string;
  /** The circuit's input: { x, y }. */
  input: { x: string; y: string };
}

const circuitSource = (n: number) => `pragma circom 2.1.0;
template Chain(N) {
  signal input x;
  signal input y;
  signal output out;
  signal t[N + 1];
  t[0] <== x;
  for (var i = 0; i < N; i++) t[i + 1] <== t[i] * y;
  out <== t[N];
}
component main { public [x] } = Chain(${n});
`;

const api = snarkjs as unknown as {
  zKey: {
    newZKey(r1cs: string, ptau: string, zkey: string): Promise<unknown>;
    exportVerificationKey(z: string): Promise<unknown>;
  };
  plonk: { setup(r1cs: string, ptau: string, zkey: string): Promise<unknown> };
  powersOfTau: {
    newAccumulator(curve: unknown, power: number, out: string): Promise<unknown>;
    contribute(i: string, o: string, name: string, entropy: string): Promise<unknown>;
    beacon(i: string, o: string, name: string, hash: string, iter: number): Promise<unknown>;
    preparePhase2(i: string, o: string): Promise<unknown>;
  };
  curves: { getCurveFromName(n: string): Promise<{ terminate(): Promise<void> }> };
};

async function ptauFor(power: number): Promise<string> {
  if (power <= 11) return join(PRACTICE_CIRCUIT_DIR, 'pot11_final.ptau');
  const out = join(tmpdir(), `sn2-pot${power}_final.ptau`);
  if (existsSync(out)) return out;
  const work = join(tmpdir(), `sn2-pot${power}-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const curve = await api.curves.getCurveFromName('bn128');
  await api.powersOfTau.newAccumulator(curve, power, join(work, '0.ptau'));
  await api.powersOfTau.contribute(
    join(work, '0.ptau'),
    join(work, '1.ptau'),
    'bench',
    randomBytes(32).toString('hex'),
  );
  await api.powersOfTau.preparePhase2(join(work, '1.ptau'), join(work, 'final.ptau'));
  await curve.terminate();
  renameSync(join(work, 'final.ptau'), out);
  return out;
}

/** Builds (or reuses) the chain circuit with `n` multiplications; `plonk` adds a PLONK zkey too. */
export async function tinyCircuit(
  n: number,
  options: { plonk?: boolean } = {},
): Promise<TinyCircuit & { plonkZkey?: string }> {
  const dir = join(tmpdir(), `sn2-chain-${n}`);
  const wasm = join(dir, 'circuit_js', 'circuit.wasm');
  const zkey = join(dir, 'circuit.zkey');
  const vkey = join(dir, 'verification_key.json');
  const plonkZkey = join(dir, 'plonk.zkey');
  mkdirSync(dir, { recursive: true });
  const power = Math.max(11, Math.ceil(Math.log2(n + 8)));
  if (!existsSync(wasm)) {
    writeFileSync(join(dir, 'circuit.circom'), circuitSource(n));
    const cli = resolve('node_modules', 'circom2', 'cli.js');
    execFileSync(process.execPath, [cli, join(dir, 'circuit.circom'), '--r1cs', '--wasm', '-o', dir], {
      stdio: 'ignore',
    });
  }
  const r1cs = join(dir, 'circuit.r1cs');
  let setUp = false;
  if (!existsSync(zkey)) {
    setUp = true;
    await api.zKey.newZKey(r1cs, await ptauFor(power), `${zkey}.tmp`);
    writeFileSync(vkey, JSON.stringify(await api.zKey.exportVerificationKey(`${zkey}.tmp`)));
    renameSync(`${zkey}.tmp`, zkey);
  }
  if (options.plonk && !existsSync(plonkZkey)) {
    setUp = true;
    await api.plonk.setup(r1cs, await ptauFor(power), `${plonkZkey}.tmp`);
    renameSync(`${plonkZkey}.tmp`, plonkZkey);
  }
  // snarkjs's setup leaves its shared bn128 curve (with worker threads) alive, which would keep a script
  // such as the benchmark from exiting; the next snarkjs call builds a fresh one.
  if (setUp) await (await api.curves.getCurveFromName('bn128')).terminate();
  return { dir, wasm, zkey, vkey, input: { x: '3', y: '5' }, ...(options.plonk ? { plonkZkey } : {}) };
}
