/**
 * The proving engine the miner and validator use: one object over the circuit store, the worker pool
 * and the native tools.
 *
 *   const prover = await createProver({ store, pool, srsDir, ezklPath?, nativeGroth16?, logger? });
 *   await prover.capability(id)        → { canProve, reason? }      (capacity 0 when false)
 *   await prover.prove(id, input, { signal, timeoutMs })
 *        → { proof, publicSignals, proofText, publicSignalsText, timings, prover }
 *   await prover.verify(id, expectedInput, proofText, publicSignalsText, { timeoutMs })
 *        → { verified, reason?, proofSize, verifier }
 *
 * `proofText` / `publicSignalsText` are the single-encoded JSON texts SN2 puts on the wire (§3.2, §3.3).
 * Verification is exactly the v10 validator's: CIRCOM public inputs pinned to the validator's input
 * (field-modulus rule), EZKL input instances replaced with the validator's felts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CircuitStore } from '../circuits/store.js';
import type { CircuitInput } from '../circuits/inputs/types.js';
import type { ProverPool } from './pool.js';
import type { Groth16Proof } from './worker/jobs.js';
import { CircuitUnavailableError, NativeToolError, ProverError } from './errors.js';
import { groth16ProofSize, pinPublicSignals } from './groth16/public-signals.js';
import type { NativeGroth16Prover } from './native/groth16-native.js';
import { locateEzkl, type EzklCli, type LocateEzklResult } from './ezkl/native-cli.js';
import { ensureSrs, srsPath } from './ezkl/srs.js';
import { ezklInputFile, expectedInputFelts, replaceInstances } from './ezkl/instances.js';
import { existsSync } from 'node:fs';

export type ProverName = 'snarkjs' | 'rapidsnark' | 'icicle-snark' | 'ezkl' | 'ezkl-engine';

export interface ProveResult {
  proof: unknown;
  publicSignals: unknown;
  proofText: string;
  publicSignalsText: string;
  timings: { witnessMs: number; proveMs: number; totalMs: number };
  prover: ProverName | string;
}

export interface VerifyResult {
  verified: boolean;
  reason?: string;
  /** Upstream proof size for scoring (5000 when the proof is unusable). */
  proofSize: number;
  verifier: string;
}

export interface ProveOptions {
  signal?: AbortSignal;
  /** Per-proof limit; default the circuit timeout (60 s). */
  timeoutMs?: number;
}

export interface ProverLogger {
  warn(obj: object, msg: string): void;
}

export interface ProverDeps {
  store: CircuitStore;
  pool: ProverPool;
  /** Folder of cached `kzg<k>.srs` files (dataPaths().srs). */
  srsDir: string;
  /** The native ezkl CLI, or null when absent (EZKL circuits then have capacity 0). */
  ezkl?: EzklCli | null;
  ezklMissingReason?: string;
  /**
   * Looks for ezkl again while it is absent (throttled), so an ezkl installed while the app runs
   * makes EZKL circuits provable without a restart.
   */
  relocateEzkl?: () => Promise<LocateEzklResult>;
  /** A detected native Groth16 prover, tried before the JS pool. */
  nativeGroth16?: NativeGroth16Prover | null;
  logger?: ProverLogger;
}

export interface Prover {
  capability(circuitId: string): Promise<{ canProve: boolean; reason?: string }>;
  /** Whether proofs of `circuitId` can be checked here: its verify files, and native ezkl for EZKL. */
  canVerify(circuitId: string): Promise<boolean>;
  prove(circuitId: string, input: CircuitInput, options?: ProveOptions): Promise<ProveResult>;
  verify(
    circuitId: string,
    expectedInput: CircuitInput,
    proofText: string,
    publicSignalsText: string,
    options?: { timeoutMs?: number; signal?: AbortSignal },
  ): Promise<VerifyResult>;
}

/** Build a prover, locating the native ezkl CLI unless one is given. */
export async function createProver(
  deps: Omit<ProverDeps, 'ezkl'> & { ezkl?: EzklCli | null; ezklPath?: string; binDir?: string },
): Promise<Prover> {
  if (deps.ezkl !== undefined) return makeProver({ ...deps, ezkl: deps.ezkl });
  const relocateEzkl = () => locateEzkl({ configuredPath: deps.ezklPath, binDir: deps.binDir });
  const found = await relocateEzkl();
  return makeProver({ ...deps, ezkl: found.cli, ezklMissingReason: found.reason, relocateEzkl });
}

const EZKL_RELOCATE_INTERVAL_MS = 2_000;

const MB = 1024 * 1024;

export function makeProver(deps: ProverDeps): Prover {
  const { store, pool } = deps;
  let ezkl = deps.ezkl ?? null;
  let ezklMissingReason = deps.ezklMissingReason ?? 'the native ezkl tool is not installed';
  let ezklCheckedAt = Date.now();

  async function currentEzkl(): Promise<EzklCli | null> {
    if (ezkl || !deps.relocateEzkl || Date.now() - ezklCheckedAt < EZKL_RELOCATE_INTERVAL_MS) return ezkl;
    ezklCheckedAt = Date.now();
    const found = await deps.relocateEzkl();
    ezkl = found.cli;
    if (found.reason) ezklMissingReason = found.reason;
    return ezkl;
  }

  async function capability(circuitId: string): Promise<{ canProve: boolean; reason?: string }> {
    const circuit = store.get(circuitId);
    if (circuit.proofSystem === 'EZKL' && !(await currentEzkl())) {
      return { canProve: false, reason: ezklMissingReason };
    }
    if (circuit.proofSystem === 'JOLT') return { canProve: false, reason: 'JOLT circuits are not supported' };
    const status = await store.status(circuitId);
    if (!status.canProve) {
      const missing = status.files
        .filter((f) => f.roles.includes('prove') && f.state !== 'ok')
        .map((f) => f.name);
      return { canProve: false, reason: `missing ${missing.join(', ')} (run "sn2 circuits fetch")` };
    }
    return { canProve: true };
  }

  async function canVerify(circuitId: string): Promise<boolean> {
    const { proofSystem } = store.get(circuitId);
    if (proofSystem !== 'CIRCOM' && !(proofSystem === 'EZKL' && (await currentEzkl()))) return false;
    return (await store.status(circuitId)).canVerify;
  }

  async function proveCircom(
    circuitId: string,
    input: CircuitInput,
    options: ProveOptions,
  ): Promise<ProveResult> {
    const circuit = store.get(circuitId);
    const wasmPath = await store.resolve(circuitId, 'circuit.wasm');
    const zkeyPath = await store.resolve(circuitId, 'circuit.zkey');
    if (!wasmPath || !zkeyPath)
      throw new CircuitUnavailableError(circuitId, 'circuit.wasm or circuit.zkey missing');
    const timeoutMs = options.timeoutMs ?? circuit.timeoutMs;
    const t0 = performance.now();
    const native = deps.nativeGroth16;
    if (native) {
      const dir = mkdtempSync(join(tmpdir(), 'sn2-wtns-'));
      try {
        const wtnsPath = join(dir, 'witness.wtns');
        await pool.run(
          { kind: 'wtns.write', input, wasmPath, outPath: wtnsPath },
          { signal: options.signal, timeoutMs },
        );
        const t1 = performance.now();
        const r = await native.prove({ zkeyPath, wtnsPath }, { signal: options.signal, timeoutMs });
        const t2 = performance.now();
        return circomResult(r.proof, r.publicSignals, t1 - t0, t2 - t1, native.spec.name);
      } catch (err) {
        if (options.signal?.aborted) throw err;
        deps.logger?.warn(
          { circuitId, prover: native.spec.name, err: (err as Error).message },
          `native prover failed, falling back to snarkjs: ${(err as Error).message}`,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const zkeyBytes = circuit.files['circuit.zkey']?.bytes ?? 100 * MB;
    const r = await pool.run(
      { kind: 'groth16.prove', input, wasmPath, zkeyPath },
      { signal: options.signal, timeoutMs, memoryBytes: 3 * zkeyBytes + 64 * MB },
    );
    return circomResult(r.proof, r.publicSignals, r.witnessMs, r.proveMs, 'snarkjs');
  }

  async function proveEzkl(
    circuitId: string,
    input: CircuitInput,
    options: ProveOptions,
  ): Promise<ProveResult> {
    const cli = await currentEzkl();
    if (!cli) throw new CircuitUnavailableError(circuitId, ezklMissingReason);
    const circuit = store.get(circuitId);
    const files = await store.ensure(circuitId, { roles: ['prove'], signal: options.signal });
    const settings = await store.readEzklSettings(circuitId);
    const srs = await ensureSrs(settings.run_args.logrows, { srsDir: deps.srsDir, signal: options.signal });
    const timeoutMs = options.timeoutMs ?? circuit.timeoutMs;
    const deadline = Date.now() + timeoutMs;
    const dir = mkdtempSync(join(tmpdir(), 'sn2-ezkl-'));
    try {
      const dataPath = join(dir, 'input.json');
      const witnessPath = join(dir, 'witness.json');
      const proofPath = join(dir, 'proof.json');
      writeFileSync(dataPath, ezklInputFile(input));
      const t0 = performance.now();
      await cli.genWitness(
        {
          dataPath,
          compiledPath: files['model.compiled'],
          outputPath: witnessPath,
          vkPath: files['vk.key'],
          srsPath: srs,
        },
        { signal: options.signal, timeoutMs },
      );
      const t1 = performance.now();
      await cli.prove(
        {
          witnessPath,
          compiledPath: files['model.compiled'],
          pkPath: files['pk.key'],
          proofPath,
          srsPath: srs,
        },
        { signal: options.signal, timeoutMs: Math.max(1, deadline - Date.now()) },
      );
      const t2 = performance.now();
      const proof = readEzklProof(proofPath);
      return {
        proof,
        publicSignals: proof.instances,
        proofText: JSON.stringify(proof),
        publicSignalsText: JSON.stringify(proof.instances),
        timings: { witnessMs: t1 - t0, proveMs: t2 - t1, totalMs: t2 - t0 },
        prover: 'ezkl',
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  async function verifyCircom(
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

  async function verifyEzkl(
    circuitId: string,
    expected: CircuitInput,
    proofText: string,
    options: { timeoutMs?: number; signal?: AbortSignal },
  ): Promise<VerifyResult> {
    let proof: Record<string, unknown>;
    try {
      proof = JSON.parse(proofText) as Record<string, unknown>;
      if (typeof proof !== 'object' || proof === null) throw new Error('not an object');
    } catch {
      return { verified: false, reason: 'proof is not a JSON object', proofSize: 5000, verifier: 'ezkl' };
    }
    const proofSize = Array.isArray(proof.proof) ? proof.proof.length : 5000;
    const files = await store.ensure(circuitId, { roles: ['verify'], signal: options.signal });
    const settings = await store.readEzklSettings(circuitId);
    let replaced: Record<string, unknown>;
    try {
      replaced = replaceInstances(proof, expectedInputFelts(settings, expected));
    } catch (err) {
      return { verified: false, reason: (err as Error).message, proofSize, verifier: 'ezkl' };
    }
    const k = settings.run_args.logrows;
    const srs = existsSync(srsPath(deps.srsDir, k))
      ? srsPath(deps.srsDir, k)
      : await ensureSrs(k, { srsDir: deps.srsDir, signal: options.signal });
    const cli = await currentEzkl();
    const dir = mkdtempSync(join(tmpdir(), 'sn2-ezkl-verify-'));
    try {
      const proofPath = join(dir, 'proof.json');
      writeFileSync(proofPath, JSON.stringify(replaced));
      const timeoutMs = options.timeoutMs ?? 60_000;
      let ok: boolean;
      let verifier: string;
      if (cli) {
        verifier = 'ezkl';
        ok = await cli.verify(
          { settingsPath: files['settings.json'], proofPath, vkPath: files['vk.key'], srsPath: srs },
          { timeoutMs, signal: options.signal },
        );
      } else {
        // Fallback where the engine can load the circuit's keys; it throws on what it cannot read.
        verifier = 'ezkl-engine';
        ok = await pool.run(
          {
            kind: 'ezkl.verify',
            proofJson: JSON.stringify(replaced),
            vkPath: files['vk.key'],
            settingsPath: files['settings.json'],
            srsPath: srs,
          },
          { timeoutMs, signal: options.signal },
        );
      }
      return ok
        ? { verified: true, proofSize, verifier }
        : { verified: false, reason: 'not verified', proofSize, verifier };
    } catch (err) {
      return {
        verified: false,
        reason: (err as Error).message,
        proofSize,
        verifier: cli ? 'ezkl' : 'ezkl-engine',
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  return {
    capability,
    canVerify,
    async prove(circuitId, input, options = {}) {
      const circuit = store.get(circuitId);
      switch (circuit.proofSystem) {
        case 'CIRCOM':
          return proveCircom(circuitId, input, options);
        case 'EZKL':
          return proveEzkl(circuitId, input, options);
        default:
          throw new CircuitUnavailableError(circuitId, `${circuit.proofSystem} proofs are not supported`);
      }
    },
    async verify(circuitId, expected, proofText, publicText, options = {}) {
      const circuit = store.get(circuitId);
      if (circuit.proofSystem === 'CIRCOM')
        return verifyCircom(circuitId, expected, proofText, publicText, options);
      if (circuit.proofSystem === 'EZKL') return verifyEzkl(circuitId, expected, proofText, options);
      return {
        verified: false,
        reason: `${circuit.proofSystem} is not supported`,
        proofSize: 5000,
        verifier: 'none',
      };
    },
  };
}

/** The proof file `ezkl prove` wrote; one that is not JSON with instance columns is ezkl's failure. */
function readEzklProof(path: string): { instances: unknown[][] } & Record<string, unknown> {
  let proof: unknown;
  try {
    proof = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new NativeToolError('ezkl', `prove wrote an unreadable proof file: ${(err as Error).message}`);
  }
  const instances = (proof as { instances?: unknown } | null)?.instances;
  if (!Array.isArray(instances) || !instances.every((column) => Array.isArray(column)))
    throw new NativeToolError('ezkl', 'prove wrote a proof file without instances');
  return proof as { instances: unknown[][] } & Record<string, unknown>;
}

function circomResult(
  proof: Groth16Proof,
  publicSignals: string[],
  witnessMs: number,
  proveMs: number,
  prover: string,
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
