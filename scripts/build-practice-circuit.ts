/**
 * Builds the practice circuit's committed artefacts in resources/practice-circuit/:
 * circuit.wasm, circuit.zkey, verification_key.json, pot11_final.ptau, settings.json, metadata.json.
 *
 *   npx tsx scripts/build-practice-circuit.ts [--reuse-ptau]
 *
 * Steps: compile circuit.circom with circom2 (WASI), a local powers-of-tau (power 11: the circuit has
 * ≈ 1,300 constraints), phase 2 for Groth16, one contribution, export of the verification key. The
 * circuit id is sha256(verification_key.json), as for every SN2 circuit. Takes ≈ 2 min on 2 cores,
 * almost all of it in "prepare phase 2". Never run in CI: the outputs are committed.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as snarkjs from 'snarkjs';

const POWER = 11;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'resources', 'practice-circuit');
const ptauOut = join(outDir, `pot${POWER}_final.ptau`);

interface Curve {
  terminate(): Promise<void>;
}
const curves = (snarkjs as unknown as { curves: { getCurveFromName(name: string): Promise<Curve> } }).curves;

const step = (label: string) => process.stderr.write(`[practice-circuit] ${label}\n`);

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'sn2-practice-'));
  try {
    step('compiling circuit.circom with circom2');
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules', 'circom2', 'cli.js'),
        join(outDir, 'circuit.circom'),
        '--r1cs',
        '--wasm',
        '-o',
        work,
      ],
      { stdio: 'inherit' },
    );
    const r1cs = join(work, 'circuit.r1cs');

    if (process.argv.includes('--reuse-ptau') && existsSync(ptauOut)) {
      step(`reusing ${ptauOut}`);
    } else {
      const curve = await curves.getCurveFromName('bn128');
      step(`powers of tau, power ${POWER}`);
      await snarkjs.powersOfTau.newAccumulator(curve, POWER, join(work, 'pot0.ptau'));
      await snarkjs.powersOfTau.contribute(
        join(work, 'pot0.ptau'),
        join(work, 'pot1.ptau'),
        'subnet2-desktop practice ceremony',
        randomBytes(32).toString('hex'),
      );
      await curve.terminate();
      step('prepare phase 2 (slow)');
      await snarkjs.powersOfTau.preparePhase2(join(work, 'pot1.ptau'), ptauOut);
    }

    step('groth16 setup and contribution');
    await snarkjs.zKey.newZKey(r1cs, ptauOut, join(work, 'c0.zkey'));
    await snarkjs.zKey.contribute(
      join(work, 'c0.zkey'),
      join(outDir, 'circuit.zkey'),
      'subnet2-desktop practice contribution',
      randomBytes(32).toString('hex'),
    );
    const vk: unknown = await snarkjs.zKey.exportVerificationKey(join(outDir, 'circuit.zkey'));
    const vkText = `${JSON.stringify(vk, null, 1)}\n`;
    writeFileSync(join(outDir, 'verification_key.json'), vkText);
    copyFileSync(join(work, 'circuit_js', 'circuit.wasm'), join(outDir, 'circuit.wasm'));

    writeFileSync(join(outDir, 'settings.json'), `${JSON.stringify(practiceSettings(), null, 4)}\n`);
    writeFileSync(join(outDir, 'metadata.json'), `${JSON.stringify(practiceMetadata(), null, 4)}\n`);
    const id = createHash('sha256')
      .update(readFileSync(join(outDir, 'verification_key.json')))
      .digest('hex');
    step(`done: circuit id ${id}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
    await (globalThis as { curve_bn128?: Curve }).curve_bn128?.terminate();
  }
}

export const PRACTICE_BATCH = 8;

/** Public-signal layout, outputs first, then inputs in declaration order (as circom emits them). */
function practiceSettings() {
  const B = PRACTICE_BATCH;
  const sizes: Record<string, number> = {
    new_score: B,
    miner_uid_out: B,
    RATE_OF_DECAY: 1,
    RATE_OF_RECOVERY: 1,
    maximum_score: 1,
    previous_score: B,
    verified: B,
    miner_uid: B,
    scaling: 1,
  };
  return { scaling: 100000000, public_inputs: { order: Object.keys(sizes), sizes } };
}

function practiceMetadata() {
  return {
    name: 'Practice Score EMA 8 Circom',
    description:
      'Subnet 2 Desktop practice circuit: updates 8 miner scores as an exponential moving average, like a small SN2 PoW circuit. Proves fully offline.',
    author: 'Subnet 2 Desktop',
    version: '0.1.0',
    proof_system: 'CIRCOM',
    type: 'proof_of_computation',
    external_files: {},
    benchmark_choice_weight: 0,
  };
}

await main();
