import { BATCHED_PROOF_OF_WEIGHTS_MODEL_ID } from '../../sn2/constants.js';
import type { ExternalRequestQueue } from '../external-queue.js';
import type { HashGuard } from '../hash-guard.js';
import type { PowItem } from '../scoring/pow-item.js';
import type { ValidatorRequest } from './validator-request.js';

/** What the validator knows of a circuit it can send. */
export interface ValidatorCircuit {
  id: string;
  name: string;
  proofSystem: string;
  type: 'proof_of_weights' | 'proof_of_computation';
  netuid: number | string | null | undefined;
  timeoutSeconds: number;
  /** Benchmark lottery weight (metadata `benchmark_choice_weight`, null → 0). */
  weight: number;
  generate(): Record<string, unknown>;
  process(raw: unknown): Record<string, unknown>;
}

export interface BuildDeps {
  circuits: ReadonlyMap<string, ValidatorCircuit>;
  external: ExternalRequestQueue;
  hashGuard: HashGuard;
  /** Takes the oldest 1024 PoW-queue items when the queue holds that many (§8.4). */
  takeBatchedPowItems: () => PowItem[] | undefined;
  rand?: () => number;
}

export class NoCircuitError extends Error {
  override readonly name = 'NoCircuitError';
}

/** §8.4: RWR first, else a benchmark by weighted lottery; then the synapse choice and the hash guard. */
export function buildRequest(uid: number, deps: BuildDeps): ValidatorRequest {
  const external = deps.external.pop();
  if (external) {
    const circuit = deps.circuits.get(external.request.circuitId);
    if (!circuit) {
      external.reject(new Error(`circuit ${external.request.circuitId} is not loaded`));
      return buildRequest(uid, deps);
    }
    try {
      return finish(uid, circuit, circuit.process(external.request.inputs), 'rwr', deps, external);
    } catch (err) {
      external.reject(err instanceof Error ? err : new Error(String(err)));
      throw err;
    }
  }
  const circuit = pickCircuit(deps);
  if (circuit.id === BATCHED_PROOF_OF_WEIGHTS_MODEL_ID) {
    const items = deps.takeBatchedPowItems();
    if (items) return finish(uid, circuit, circuit.process(batchedRaw(items)), 'batched-pow', deps);
  }
  return finish(uid, circuit, circuit.generate(), 'benchmark', deps);
}

function finish(
  uid: number,
  c: ValidatorCircuit,
  input: Record<string, unknown>,
  kind: ValidatorRequest['kind'],
  deps: BuildDeps,
  external?: ValidatorRequest['external'],
): ValidatorRequest {
  const inputHash = deps.hashGuard.check(input);
  return {
    uid,
    circuitId: c.id,
    circuitName: c.name,
    proofSystem: c.proofSystem,
    synapse: c.type === 'proof_of_weights' ? 'ProofOfWeightsSynapse' : 'QueryZkProof',
    subnetUid: Number(c.netuid ?? 2) || 2,
    kind,
    input,
    inputHash,
    timeoutSeconds: c.timeoutSeconds,
    external,
  };
}

function pickCircuit(deps: BuildDeps): ValidatorCircuit {
  const all = [...deps.circuits.values()].filter((c) => c.weight > 0);
  if (all.length === 0) throw new NoCircuitError('no circuit with a benchmark weight is loaded');
  const total = all.reduce((n, c) => n + c.weight, 0);
  let r = (deps.rand ?? Math.random)() * total;
  for (const c of all) {
    r -= c.weight;
    if (r < 0) return c;
  }
  return all[all.length - 1];
}

/** The raw RWR object of a batched PoW request: the items as float arrays (processing scales them). */
function batchedRaw(items: PowItem[]): Record<string, unknown> {
  const raw: Record<string, unknown[]> = {};
  for (const key of Object.keys(items[0]) as Array<keyof PowItem>) raw[key] = items.map((i) => i[key]);
  return raw;
}
