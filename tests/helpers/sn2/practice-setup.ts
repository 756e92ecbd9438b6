import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CircuitStore } from '../../../core/circuits/store.js';
import { PRACTICE_CIRCUIT_ID } from '../../../core/circuits/constants.js';
import { generateInput } from '../../../core/circuits/inputs/registry.js';
import { fromPlain, parseSynapse, type PyValue } from '../../../core/bittensor/wire/index.js';
import { QueryZkProof, type QueryZkProofSynapse } from '../../../core/sn2/transport/v10-synapses.js';
import type { CircuitProver } from '../../../core/miner/circuit-prover.js';
import { engineProver } from '../../../core/miner/engine-prover.js';
import { createProverPool, type ProverPool } from '../../../core/provers/pool.js';
import { makeProver, type Prover } from '../../../core/provers/prover.js';
import type { ProofVerifier } from '../../../core/validator/response/process-response.js';
import { engineVerifier } from '../../../core/validator/response/engine-verifier.js';
import { sharedPath } from '../shared.js';

/** A circuit store with the practice circuit (in-package) and the shared SN2 fixtures as offline folder. */
export function practiceStore(): CircuitStore {
  return new CircuitStore({
    cacheDir: mkdtempSync(join(tmpdir(), 'sn2-test-circuits-')),
    offlineDir: sharedPath('fixtures/sn2'),
  });
}

/** A validator's QueryZkProof for the practice circuit with a fresh generated input (§8.4). */
export function practiceQuery(): { synapse: QueryZkProofSynapse; input: Record<string, unknown> } {
  const input = generateInput(PRACTICE_CIRCUIT_ID);
  const synapse = parseSynapse(QueryZkProof, {
    query_input: new Map<string, PyValue>([
      ['public_inputs', fromPlain(input)],
      ['model_id', PRACTICE_CIRCUIT_ID],
    ]),
    query_output: '',
  });
  return { synapse, input };
}

/**
 * The proving engine as the miner and validator use it (`core/provers`): a worker pool, the v10
 * prover/verifier over the practice store, and the miner/validator adapters on top.
 */
export function practiceEngine(poolSize: number): {
  store: CircuitStore;
  pool: ProverPool;
  prover: Prover;
  minerProver: CircuitProver;
  verifier: ProofVerifier;
} {
  const store = practiceStore();
  const pool = createProverPool({ size: poolSize });
  const prover = makeProver({
    store,
    pool,
    srsDir: mkdtempSync(join(tmpdir(), 'sn2-test-srs-')),
    ezkl: null,
  });
  return { store, pool, prover, minerProver: engineProver(store, prover), verifier: engineVerifier(prover) };
}
