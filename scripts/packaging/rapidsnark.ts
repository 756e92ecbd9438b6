/**
 * The rapidsnark `prover` the Linux installers bundle: built from the vendored source
 * (`$SN2_SHARED_DIR/vendor/rapidsnark/build.sh`, LGPL-3.0, GMP linked dynamically) into
 * `resources/bin/linux-x64/` (with its `libnprocs_shim.so` thread cap), which electron-builder packs
 * and unpacks from the asar. A prebuilt folder in SN2_RAPIDSNARK_DIR (`.ci/run` builds one per run) is
 * copied instead. macOS builds come from `.github/workflows/rapidsnark.yml`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as snarkjs from 'snarkjs';
import { generateInput } from '../../core/circuits/inputs/registry.js';
import { PRACTICE_CIRCUIT_ID } from '../../core/circuits/constants.js';
import { runTool } from '../../core/provers/native/run-tool.js';

const FILES = ['prover', 'libnprocs_shim.so'];

/** `resources/bin/linux-x64/` of the project. */
export const linuxBinDir = (root: string) => join(root, 'resources', 'bin', 'linux-x64');

/** Puts a freshly built (or the CI-prebuilt) prover into resources/bin/linux-x64/. */
export function bundleRapidsnark(root: string): string {
  const out = linuxBinDir(root);
  mkdirSync(out, { recursive: true });
  const prebuilt = process.env.SN2_RAPIDSNARK_DIR;
  if (prebuilt && FILES.every((f) => existsSync(join(prebuilt, f)))) {
    for (const f of FILES) copyFileSync(join(prebuilt, f), join(out, f));
    return out;
  }
  const shared = resolve(process.env.SN2_SHARED_DIR ?? join(root, '..', 'shared'));
  const script = join(shared, 'vendor', 'rapidsnark', 'build.sh');
  if (!existsSync(script))
    throw new Error(`${script} not found: set SN2_SHARED_DIR to the folder holding vendor/rapidsnark`);
  execFileSync(script, [out], { stdio: 'inherit' });
  return out;
}

/**
 * Proves the practice circuit with the packed prover and verifies the proof: the problems found (none
 * when it works), like the bundled worker check.
 */
export async function checkBundledRapidsnark(unpackedRoot: string, root: string): Promise<string[]> {
  const prover = join(unpackedRoot, 'resources', 'bin', 'linux-x64', 'prover');
  if (!existsSync(prover)) return [`the bundled rapidsnark is missing (${prover})`];
  const circuit = join(root, 'resources', 'practice-circuit');
  const dir = mkdtempSync(join(tmpdir(), 'sn2-dist-rapidsnark-'));
  try {
    const wtns = join(dir, 'w.wtns');
    await snarkjs.wtns.calculate(
      generateInput(PRACTICE_CIRCUIT_ID) as snarkjs.CircuitSignals,
      join(circuit, 'circuit.wasm'),
      wtns,
    );
    const proofPath = join(dir, 'proof.json');
    const publicPath = join(dir, 'public.json');
    const r = await runTool(
      'rapidsnark',
      prover,
      [join(circuit, 'circuit.zkey'), wtns, proofPath, publicPath],
      {
        timeoutMs: 60_000,
      },
    );
    if (r.code !== 0)
      return [`the bundled rapidsnark failed (${r.signal ?? `exit ${r.code}`}): ${r.stderr.trim()}`];
    const vk = JSON.parse(readFileSync(join(circuit, 'verification_key.json'), 'utf8')) as object;
    const ok = await snarkjs.groth16.verify(
      vk,
      JSON.parse(readFileSync(publicPath, 'utf8')) as snarkjs.PublicSignals,
      JSON.parse(readFileSync(proofPath, 'utf8')) as snarkjs.Groth16Proof,
    );
    return ok ? [] : ['the bundled rapidsnark made a proof that does not verify'];
  } catch (err) {
    return [`the bundled rapidsnark could not be checked: ${(err as Error).message}`];
  } finally {
    rmSync(dir, { recursive: true, force: true });
    // snarkjs keeps its curve's worker threads until told otherwise; they would keep this process alive.
    await (globalThis as { curve_bn128?: { terminate(): Promise<void> } }).curve_bn128?.terminate();
  }
}
