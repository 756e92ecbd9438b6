/**
 * EZKL proofs through the native ezkl 22.0.1 CLI, and their v10 verification (the validator's input
 * felts replace the proof's input instances). Without the CLI, EZKL circuits can be neither proven nor
 * verified here (@ezkljs/engine 21 cannot load SN2's ezkl-22 files, so it is no fallback).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CircuitStore } from '../../circuits/store.js';
import type { CircuitInput } from '../../circuits/inputs/types.js';
import { CircuitUnavailableError, NativeToolError } from '../errors.js';
import type { ProveOptions, ProveResult, VerifyResult } from '../types.js';
import type { EzklCli, LocateEzklResult } from './native-cli.js';
import { ensureSrs, srsPath } from './srs.js';
import { ezklInputFile, expectedInputFelts, replaceInstances } from './instances.js';

export interface EzklProverDeps {
  store: CircuitStore;
  srsDir: string;
  ezkl: EzklCli | null;
  ezklMissingReason?: string;
  /** Looks for ezkl again while it is absent (throttled): an ezkl installed while the app runs is used. */
  relocateEzkl?: () => Promise<LocateEzklResult>;
}

const EZKL_RELOCATE_INTERVAL_MS = 2_000;

export function ezklProver(deps: EzklProverDeps) {
  const { store } = deps;
  let ezkl = deps.ezkl;
  let missingReason = deps.ezklMissingReason ?? 'the native ezkl tool is not installed';
  let checkedAt = Date.now();

  async function current(): Promise<EzklCli | null> {
    if (ezkl || !deps.relocateEzkl || Date.now() - checkedAt < EZKL_RELOCATE_INTERVAL_MS) return ezkl;
    checkedAt = Date.now();
    const found = await deps.relocateEzkl();
    ezkl = found.cli;
    if (found.reason) missingReason = found.reason;
    return ezkl;
  }

  async function prove(circuitId: string, input: CircuitInput, options: ProveOptions): Promise<ProveResult> {
    const cli = await current();
    if (!cli) throw new CircuitUnavailableError(circuitId, missingReason);
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

  async function verify(
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
    const cli = await current();
    if (!cli) throw new CircuitUnavailableError(circuitId, missingReason);
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
    const dir = mkdtempSync(join(tmpdir(), 'sn2-ezkl-verify-'));
    try {
      const proofPath = join(dir, 'proof.json');
      writeFileSync(proofPath, JSON.stringify(replaced));
      const ok = await cli.verify(
        { settingsPath: files['settings.json'], proofPath, vkPath: files['vk.key'], srsPath: srs },
        { timeoutMs: options.timeoutMs ?? 60_000, signal: options.signal },
      );
      return ok
        ? { verified: true, proofSize, verifier: 'ezkl' }
        : { verified: false, reason: 'not verified', proofSize, verifier: 'ezkl' };
    } catch (err) {
      return { verified: false, reason: (err as Error).message, proofSize, verifier: 'ezkl' };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  return {
    prove,
    verify,
    /** The CLI when present, else null with the reason (for capability and canVerify). */
    async status(): Promise<{ cli: EzklCli | null; reason: string }> {
      return { cli: await current(), reason: missingReason };
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
