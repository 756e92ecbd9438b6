/**
 * Trust a native prover only after it proved the bundled practice circuit and the proof verified with
 * snarkjs: a binary that crashes on this CPU (SIGILL), is not the tool it claims, or writes bad proofs
 * is never used for a validator's request.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRACTICE_CIRCUIT_ID } from '../../circuits/constants.js';
import { generateInput } from '../../circuits/inputs/registry.js';
import { PRACTICE_CIRCUIT_DIR } from '../../circuits/store.js';
import { NativeToolError } from '../errors.js';
import type { ProverPool } from '../pool.js';
import type { NativeGroth16 } from './native-groth16.js';

const SELF_TEST_TIMEOUT_MS = 60_000;

/** Proves the practice circuit once and verifies it; resolves with the proof time, throws why not. */
export async function selfTestNative(native: NativeGroth16, pool: ProverPool): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'sn2-selftest-'));
  try {
    const wtnsPath = join(dir, 'witness.wtns');
    await pool.run({
      kind: 'wtns.write',
      input: generateInput(PRACTICE_CIRCUIT_ID),
      wasmPath: join(PRACTICE_CIRCUIT_DIR, 'circuit.wasm'),
      outPath: wtnsPath,
    });
    const t0 = performance.now();
    const r = await native.prove(
      { zkeyPath: join(PRACTICE_CIRCUIT_DIR, 'circuit.zkey'), wtnsPath },
      { timeoutMs: SELF_TEST_TIMEOUT_MS },
    );
    const ms = performance.now() - t0;
    const ok = await pool.run({
      kind: 'groth16.verify',
      vkPath: join(PRACTICE_CIRCUIT_DIR, 'verification_key.json'),
      publicSignals: r.publicSignals,
      proof: r.proof,
    });
    if (!ok) throw new NativeToolError(native.name, 'its proof of the practice circuit did not verify');
    return ms;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
