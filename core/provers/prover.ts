/**
 * The proving engine the miner and validator use: one object over the circuit store, the worker pool
 * and the native tools.
 *
 *   const prover = await createProver({ store, pool, srsDir, ezklPath?, natives?, choice?, logger? });
 *   await prover.capability(id)        → { canProve, reason? }      (capacity 0 when false)
 *   await prover.prove(id, input, { signal, timeoutMs, prover? })
 *        → { proof, publicSignals, proofText, publicSignalsText, timings, prover }
 *   await prover.verify(id, expectedInput, proofText, publicSignalsText, { timeoutMs })
 *        → { verified, reason?, proofSize, verifier }
 *
 * `proofText` / `publicSignalsText` are the single-encoded JSON texts SN2 puts on the wire (§3.2, §3.3).
 * Verification is exactly the v10 validator's: CIRCOM public inputs pinned to the validator's input
 * (field-modulus rule, `circom/circom-prover.ts`), EZKL input instances replaced with the validator's
 * felts (`ezkl/ezkl-prover.ts`).
 */
import type { CircuitStore } from '../circuits/store.js';
import type { CircuitInput } from '../circuits/inputs/types.js';
import type { ProverPool } from './pool.js';
import { CircuitUnavailableError } from './errors.js';
import { locateEzkl, type EzklCli, type LocateEzklResult } from './ezkl/native-cli.js';
import { ezklProver } from './ezkl/ezkl-prover.js';
import { circomProver } from './circom/circom-prover.js';
import { ProverChoice } from './choice/prover-choice.js';
import type { NativeGroth16, NativeProverName } from './native/native-groth16.js';
import type { ProveOptions, ProveResult, ProverLogger, VerifyResult } from './types.js';

export type { ProveOptions, ProveResult, ProverLogger, ProverName, VerifyResult } from './types.js';

export interface ProverDeps {
  store: CircuitStore;
  pool: ProverPool;
  /** Folder of cached `kzg<k>.srs` files (dataPaths().srs). */
  srsDir: string;
  /** The native ezkl CLI, or null when absent (EZKL circuits then have capacity 0). */
  ezkl?: EzklCli | null;
  ezklMissingReason?: string;
  relocateEzkl?: () => Promise<LocateEzklResult>;
  /** Native Groth16 provers that passed their self-test. */
  natives?: NativeGroth16[];
  /** Which Groth16 prover serves each circuit; default: natives first, unmeasured, nothing saved. */
  choice?: ProverChoice;
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
  /** A proof by `prover` failed the miner's self-check: use another prover for this circuit. */
  reportBadProof(circuitId: string, prover: string): void;
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

export function makeProver(deps: ProverDeps): Prover {
  const { store } = deps;
  const natives = new Map<NativeProverName, NativeGroth16>((deps.natives ?? []).map((n) => [n.name, n]));
  const choice =
    deps.choice ?? new ProverChoice({ available: [...natives.keys()], file: null, fingerprint: '' });
  const circom = circomProver({ store, pool: deps.pool, natives, choice, logger: deps.logger });
  const ezkl = ezklProver({
    store,
    srsDir: deps.srsDir,
    ezkl: deps.ezkl ?? null,
    ezklMissingReason: deps.ezklMissingReason,
    relocateEzkl: deps.relocateEzkl,
  });

  return {
    async capability(circuitId) {
      const circuit = store.get(circuitId);
      if (circuit.proofSystem === 'EZKL') {
        const s = await ezkl.status();
        if (!s.cli) return { canProve: false, reason: s.reason };
      }
      if (circuit.proofSystem === 'JOLT')
        return { canProve: false, reason: 'JOLT circuits are not supported' };
      const status = await store.status(circuitId);
      if (!status.canProve) {
        const missing = status.files
          .filter((f) => f.roles.includes('prove') && f.state !== 'ok')
          .map((f) => f.name);
        return { canProve: false, reason: `missing ${missing.join(', ')} (run "sn2 circuits fetch")` };
      }
      return { canProve: true };
    },
    async canVerify(circuitId) {
      const { proofSystem } = store.get(circuitId);
      if (proofSystem !== 'CIRCOM' && !(proofSystem === 'EZKL' && (await ezkl.status()).cli)) return false;
      return (await store.status(circuitId)).canVerify;
    },
    async prove(circuitId, input, options = {}) {
      const circuit = store.get(circuitId);
      switch (circuit.proofSystem) {
        case 'CIRCOM':
          return circom.prove(circuitId, input, options);
        case 'EZKL':
          return ezkl.prove(circuitId, input, options);
        default:
          throw new CircuitUnavailableError(circuitId, `${circuit.proofSystem} proofs are not supported`);
      }
    },
    async verify(circuitId, expected, proofText, publicText, options = {}) {
      const circuit = store.get(circuitId);
      if (circuit.proofSystem === 'CIRCOM')
        return circom.verify(circuitId, expected, proofText, publicText, options);
      if (circuit.proofSystem === 'EZKL') return ezkl.verify(circuitId, expected, proofText, options);
      return {
        verified: false,
        reason: `${circuit.proofSystem} is not supported`,
        proofSize: 5000,
        verifier: 'none',
      };
    },
    reportBadProof(circuitId, prover) {
      if (prover === 'rapidsnark' || prover === 'icicle-snark')
        choice.demote(circuitId, prover, 'a proof it made failed the self-check');
    },
  };
}
