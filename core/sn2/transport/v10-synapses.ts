import { defineSynapse, py, required, withDefault, type SynapseOf } from '../../bittensor/wire/index.js';

/** SN2 v10 `neurons/protocol.py` (§3). No class declares `required_hash_fields`: body hash is constant. */

const ProofSystem = py.strEnum('ProofSystem', ['ZKML', 'CIRCOM', 'JOLT', 'EZKL'] as const, (s) =>
  s.toUpperCase(),
);

/** §3.2: `query_input = {public_inputs, model_id}`; `query_output` is double-encoded JSON text on success. */
export const QueryZkProof = defineSynapse('QueryZkProof', {
  query_input: withDefault(py.optional(py.dict()), null),
  query_output: withDefault(py.optional(py.str), null),
});

/** §3.3: proof and public signals single-encoded; four required fields (empty-value headers). */
export const ProofOfWeightsSynapse = defineSynapse('ProofOfWeightsSynapse', {
  subnet_uid: withDefault(py.safeInt, 2),
  verification_key_hash: required(py.str),
  proof_system: withDefault(ProofSystem, 'CIRCOM'),
  inputs: required(py.dict()),
  proof: required(py.str),
  public_signals: required(py.str),
});

/** §3.4: `{circuit_id: compute_units}` from the miner. */
export const QueryForCapacities = defineSynapse('QueryForCapacities', {
  capacities: withDefault(py.optional(py.dict(py.safeInt)), null),
});

/** §3.5: competition commitment exchange (no competition active since 2025-06-07). */
export const Competition = defineSynapse('Competition', {
  id: required(py.safeInt),
  hash: required(py.str),
  file_name: required(py.str),
  file_content: withDefault(py.optional(py.str), null),
  commitment: withDefault(py.optional(py.str), null),
  error: withDefault(py.optional(py.str), null),
});

export type QueryZkProofSynapse = SynapseOf<typeof QueryZkProof>;
export type ProofOfWeights = SynapseOf<typeof ProofOfWeightsSynapse>;
export type QueryForCapacitiesSynapse = SynapseOf<typeof QueryForCapacities>;
export type CompetitionSynapse = SynapseOf<typeof Competition>;
