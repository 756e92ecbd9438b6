import { setTimeout as sleep } from 'node:timers/promises';
import { generateInput } from '../../../core/circuits/inputs/registry.js';
import type { CircuitProver, ProofResult } from '../../../core/miner/circuit-prover.js';

/**
 * Dishonest miners for tests: each wraps the real prover (real proofs of the practice circuit) and
 * cheats in one way. The practice circuit's public signals start with its outputs (`new_score` and
 * `miner_uid_out`, 8 values each), then the inputs the validator pins (sn2-protocol §6.1).
 */
export type Behaviour =
  | 'honest'
  | 'forged-input-signals'
  | 'tampered-proof'
  | 'wrong-output'
  | 'proof-of-other-input'
  | 'wrong-types'
  | 'empty'
  | 'slow'
  | 'error';

type Cheat = (r: ProofResult, circuitId: string) => ProofResult;

const editProof = (r: ProofResult, edit: (p: { pi_a: string[] }) => void): ProofResult => {
  const proof = JSON.parse(r.proof) as { pi_a: string[] };
  edit(proof);
  return { ...r, proof: JSON.stringify(proof) };
};

const editSignals = (r: ProofResult, edit: (s: string[]) => void): ProofResult => {
  const signals = JSON.parse(r.publicSignals) as string[];
  edit(signals);
  return { ...r, publicSignals: JSON.stringify(signals) };
};

const OUTPUTS = 16;

const bump = (v: string) => (BigInt(v) + 1n).toString();

const cheats: Partial<Record<Behaviour, Cheat>> = {
  // Every input position replaced: the validator overwrites them with its own values, so this verifies.
  'forged-input-signals': (r) => editSignals(r, (s) => s.fill('7', OUTPUTS)),
  'tampered-proof': (r) => editProof(r, (p) => (p.pi_a[0] = bump(p.pi_a[0]))),
  'wrong-output': (r) => editSignals(r, (s) => (s[0] = bump(s[0]))),
  'wrong-types': (r) => ({ ...r, proof: JSON.stringify([r.proof]), publicSignals: '{"new_score": 1}' }),
  empty: (r) => ({ ...r, proof: '', publicSignals: '' }),
};

/** A miner's prover that behaves as `behaviour` says; `slowMs` delays the slow one past the validator timeout. */
export function dishonestProver(
  honest: CircuitProver,
  behaviour: Behaviour,
  options: { slowMs?: number } = {},
): CircuitProver {
  return {
    circuitName: (id) => honest.circuitName(id),
    canProve: (id) => honest.canProve(id),
    circuitIds: () => honest.circuitIds(),
    async prove(id, input, o) {
      if (behaviour === 'error') throw new Error('prover crashed');
      if (behaviour === 'slow') await sleep(options.slowMs ?? 70_000, undefined, { signal: o.signal });
      if (behaviour === 'proof-of-other-input') return honest.prove(id, generateInput(id), o);
      const result = await honest.prove(id, input, o);
      return cheats[behaviour]?.(result, id) ?? result;
    },
  };
}
