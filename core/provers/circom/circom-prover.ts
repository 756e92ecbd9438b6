/**
 * CIRCOM (Groth16) proofs and their v10 verification.
 *
 * Proving: the chosen prover first (`ProverChoice`: the fastest measured here, snarkjs the fallback).
 * With snarkjs alone, witness and proof are one worker job. With a native prover, the witness is
 * computed once in the pool (snarkjs wasm) into a private temp dir as a `.wtns`, handed to the prover
 * in a pool slot (so native processes share the pool's CPU and memory budget), and removed after; if
 * that prover fails, it is demoted for the circuit and the next one proves the same witness, so the
 * request itself does not fail. A native prover's first proof of each circuit is verified before it is
 * returned; later ones are checked by the miner's self-check, which demotes a prover on a bad proof.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CircuitStore } from '../../circuits/store.js';
import type { CircuitInput } from '../../circuits/inputs/types.js';
import type { ProverChoice } from '../choice/prover-choice.js';
import {
  CircuitUnavailableError,
  NativeToolError,
  ProofCancelledError,
  ProofTimeoutError,
  ProverError,
} from '../errors.js';
import { groth16ProofSize, pinPublicSignals } from '../groth16/public-signals.js';
import type { Groth16ProverName, NativeGroth16, NativeProverName } from '../native/native-groth16.js';
import type { ProverPool } from '../pool.js';
import type { Groth16Proof } from '../worker/jobs.js';
import type { ProveOptions, ProveResult, ProverLogger, VerifyResult } from '../types.js';

const MB = 1024 * 1024;

export interface CircomProverDeps {
  store: CircuitStore;
  pool: ProverPool;
  natives: ReadonlyMap<NativeProverName, NativeGroth16>;
  choice: ProverChoice;
  logger?: ProverLogger;
}

export function circomProver(deps: CircomProverDeps) {
  const { store, pool, choice } = deps;
  const trusted = new Set<string>();

  async function files(circuitId: string) {
    const [wasmPath, zkeyPath, vkPath] = await Promise.all(
      ['circuit.wasm', 'circuit.zkey', 'verification_key.json'].map((f) => store.resolve(circuitId, f)),
    );
    if (!wasmPath || !zkeyPath)
      throw new CircuitUnavailableError(circuitId, 'circuit.wasm or circuit.zkey missing');
    return { wasmPath, zkeyPath, vkPath };
  }

  function order(circuitId: string, forced: Groth16ProverName | undefined): Groth16ProverName[] {
    if (!forced) return choice.order(circuitId);
    if (!choice.available.includes(forced))
      throw new ProverError(`${forced} is not usable here (see "sn2 provers list")`, 'unavailable');
    return [forced];
  }

  async function prove(circuitId: string, input: CircuitInput, options: ProveOptions): Promise<ProveResult> {
    const circuit = store.get(circuitId);
    const { wasmPath, zkeyPath, vkPath } = await files(circuitId);
    const timeoutMs = options.timeoutMs ?? circuit.timeoutMs;
    const deadline = Date.now() + timeoutMs;
    const zkeyBytes = circuit.files['circuit.zkey']?.bytes ?? 100 * MB;
    const candidates = order(circuitId, options.prover);
    const t0 = performance.now();
    if (candidates[0] === 'snarkjs') {
      const r = await pool.run(
        { kind: 'groth16.prove', input, wasmPath, zkeyPath },
        { signal: options.signal, timeoutMs, memoryBytes: 3 * zkeyBytes + 64 * MB },
      );
      return circomResult(r.proof, r.publicSignals, r.witnessMs, r.proveMs, 'snarkjs');
    }
    const dir = mkdtempSync(join(tmpdir(), 'sn2-wtns-'));
    try {
      const wtnsPath = join(dir, 'witness.wtns');
      await pool.run(
        { kind: 'wtns.write', input, wasmPath, outPath: wtnsPath },
        { signal: options.signal, timeoutMs },
      );
      const witnessMs = performance.now() - t0;
      for (const name of candidates) {
        const t1 = performance.now();
        const left = Math.max(1, deadline - Date.now());
        try {
          let r: { proof: Groth16Proof; publicSignals: string[] };
          if (name === 'snarkjs') {
            r = await pool.run(
              { kind: 'groth16.proveWitness', zkeyPath, wtnsPath },
              { signal: options.signal, timeoutMs: left, memoryBytes: 3 * zkeyBytes + 64 * MB },
            );
          } else {
            const native = deps.natives.get(name);
            if (!native) throw new NativeToolError(name, 'not available');
            r = await pool.runExternal(
              (threads) =>
                native.prove({ zkeyPath, wtnsPath }, { signal: options.signal, timeoutMs: left, threads }),
              { signal: options.signal, memoryBytes: 2 * zkeyBytes + 32 * MB },
            );
          }
          const proveMs = performance.now() - t1;
          if (name !== 'snarkjs') await checkFirstProof(circuitId, name, vkPath, r);
          return circomResult(r.proof, r.publicSignals, witnessMs, proveMs, name);
        } catch (err) {
          const e = err as Error;
          if (name === 'snarkjs' || e instanceof ProofCancelledError) throw err;
          choice.demote(circuitId, name, e.message);
          if (options.prover || e instanceof ProofTimeoutError) throw err;
          deps.logger?.warn(
            { circuitId, prover: name, err: e.message },
            `${name} failed, demoted for this circuit; proving with the next prover: ${e.message}`,
          );
        }
      }
      throw new ProverError('no prover could prove it', 'unavailable');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** A native prover is trusted for a circuit once one of its proofs of it verified. */
  async function checkFirstProof(
    circuitId: string,
    name: NativeProverName,
    vkPath: string | null,
    r: { proof: Groth16Proof; publicSignals: string[] },
  ): Promise<void> {
    const key = `${circuitId}:${name}`;
    if (trusted.has(key) || !vkPath) return;
    const ok = await pool.run({
      kind: 'groth16.verify',
      vkPath,
      publicSignals: r.publicSignals,
      proof: r.proof,
    });
    if (!ok) throw new NativeToolError(name, 'its proof did not verify');
    trusted.add(key);
  }

  async function verify(
    circuitId: string,
    expected: CircuitInput,
    proofText: string,
    publicText: string,
    options: { timeoutMs?: number; signal?: AbortSignal },
  ): Promise<VerifyResult> {
    let proof: unknown;
    try {
      proof = JSON.parse(proofText);
    } catch {
      return { verified: false, reason: 'proof is not JSON', proofSize: 5000, verifier: 'snarkjs' };
    }
    const proofSize = groth16ProofSize(proof);
    try {
      const signals: unknown = JSON.parse(publicText);
      if (!Array.isArray(signals)) throw new ProverError('public signals are not an array', 'invalid');
      const settings = await store.readCircomSettings(circuitId);
      const pinned = pinPublicSignals(settings, expected, signals);
      const vkPath = await store.resolve(circuitId, 'verification_key.json');
      if (!vkPath) throw new CircuitUnavailableError(circuitId, 'verification_key.json missing');
      const ok = await pool.run(
        { kind: 'groth16.verify', vkPath, publicSignals: pinned, proof },
        { timeoutMs: options.timeoutMs ?? 60_000, signal: options.signal },
      );
      return ok
        ? { verified: true, proofSize, verifier: 'snarkjs' }
        : { verified: false, reason: 'pairing check failed', proofSize, verifier: 'snarkjs' };
    } catch (err) {
      if (err instanceof CircuitUnavailableError) throw err;
      return { verified: false, reason: (err as Error).message, proofSize, verifier: 'snarkjs' };
    }
  }

  return { prove, verify };
}

function circomResult(
  proof: Groth16Proof,
  publicSignals: string[],
  witnessMs: number,
  proveMs: number,
  prover: Groth16ProverName,
): ProveResult {
  return {
    proof,
    publicSignals,
    proofText: JSON.stringify(proof),
    publicSignalsText: JSON.stringify(publicSignals),
    timings: { witnessMs, proveMs, totalMs: witnessMs + proveMs },
    prover,
  };
}
