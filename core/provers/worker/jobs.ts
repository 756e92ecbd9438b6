/** Messages between the prover pool and its worker threads (structured-clone data only). */
import type { CircuitInput } from '../../circuits/inputs/types.js';

export interface Groth16Proof {
  pi_a: string[];
  pi_b: string[][];
  pi_c: string[];
  protocol: string;
  curve: string;
}

export type WorkerJob =
  | { kind: 'groth16.prove'; input: CircuitInput; wasmPath: string; zkeyPath: string }
  | { kind: 'groth16.proveWitness'; zkeyPath: string; wtnsPath: string }
  | { kind: 'groth16.verify'; vkPath: string; publicSignals: unknown[]; proof: unknown }
  /** `limit`: only the first elements (the public signals come first), not the whole witness. */
  | { kind: 'wtns.calculate'; input: CircuitInput; wasmPath: string; limit?: number }
  | { kind: 'wtns.write'; input: CircuitInput; wasmPath: string; outPath: string }
  | { kind: 'ezkl.genWitness'; compiledPath: string; inputJson: string }
  | { kind: 'ezkl.genVk'; compiledPath: string; srsPath: string }
  | { kind: 'ezkl.genPk'; vk: Uint8Array; compiledPath: string; srsPath: string }
  | {
      kind: 'ezkl.prove';
      witness: Uint8Array;
      pkPath: string | Uint8Array;
      compiledPath: string;
      srsPath: string;
    }
  | {
      kind: 'ezkl.verify';
      proofJson: string;
      vkPath: string | Uint8Array;
      settingsPath: string;
      srsPath: string;
    };

export interface WorkerResults {
  'groth16.prove': { proof: Groth16Proof; publicSignals: string[]; witnessMs: number; proveMs: number };
  'groth16.proveWitness': { proof: Groth16Proof; publicSignals: string[] };
  'groth16.verify': boolean;
  'wtns.calculate': string[];
  'wtns.write': null;
  'ezkl.genWitness': Uint8Array;
  'ezkl.genVk': Uint8Array;
  'ezkl.genPk': Uint8Array;
  'ezkl.prove': Uint8Array;
  'ezkl.verify': boolean;
}

export type JobKind = WorkerJob['kind'];
export type JobOf<K extends JobKind> = Extract<WorkerJob, { kind: K }>;

export interface WorkerRequest {
  id: number;
  job: WorkerJob;
}
export type WorkerResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { name: string; message: string } };
