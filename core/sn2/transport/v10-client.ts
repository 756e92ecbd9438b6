import type { Sr25519Signer } from '../../bittensor/signer.js';
import {
  Dendrite,
  fromPlain,
  parseSynapse,
  toPlain,
  type DendriteOptions,
  type PyValue,
  type SynapseDefinition,
  type SynapseOf,
} from '../../bittensor/wire/index.js';
import type { CallOptions, PeerAddress, Sn2Client, Sn2Reply } from './sn2-transport.js';
import { Competition, ProofOfWeightsSynapse, QueryForCapacities, QueryZkProof } from './v10-synapses.js';

export type { DendriteOptions as V10ClientOptions };

/** v10: SN2's messages sent through a bittensor dendrite signing with `hotkey`. */
export function v10Client(hotkey: Sr25519Signer, options: DendriteOptions = {}): Sn2Client {
  const dendrite = new Dendrite(hotkey, options);
  async function call<D extends SynapseDefinition, A>(
    peer: PeerAddress,
    def: D,
    synapse: SynapseOf<D>,
    opts: CallOptions,
    answerOf: (reply: SynapseOf<D>) => A,
  ): Promise<Sn2Reply<A>> {
    const r = await callSynapse(dendrite, peer, def, synapse, opts);
    return { ...r, answer: r.ok ? answerOf(r.synapse) : null };
  }
  return {
    hotkey: dendrite.hotkey,
    queryZkProof: (peer, query, opts = {}) =>
      call(
        peer,
        QueryZkProof,
        parseSynapse(QueryZkProof, {
          query_input: query.queryInput ? fromPlain(query.queryInput) : null,
          query_output: '',
        }),
        opts,
        (r) => ({ queryOutput: r.query_output }),
      ),
    proofOfWeights: (peer, query, opts = {}) =>
      call(
        peer,
        ProofOfWeightsSynapse,
        parseSynapse(ProofOfWeightsSynapse, {
          subnet_uid: query.subnetUid,
          verification_key_hash: query.circuitId,
          proof_system: query.proofSystem,
          inputs: fromPlain(query.inputs),
          proof: '',
          public_signals: '',
        }),
        opts,
        (r) => ({
          inputs: toPlain(r.inputs) as Record<string, unknown>,
          proof: r.proof,
          publicSignals: r.public_signals,
        }),
      ),
    capacities: (peer, opts = {}) =>
      call(peer, QueryForCapacities, parseSynapse(QueryForCapacities, {}), opts, (r) =>
        r.capacities ? (toPlain(r.capacities as PyValue) as Record<string, number>) : null,
      ),
    competition: (peer, opts = {}) =>
      call(peer, Competition, parseSynapse(Competition, { id: 0, hash: '', file_name: '' }), opts, (r) => ({
        error: r.error,
      })),
    close: () => dendrite.close(),
  };
}

/** One v10 call and its outcome in the SDK's terms (also used by `sn2 query` for free-form synapses). */
export async function callSynapse<D extends SynapseDefinition>(
  dendrite: Dendrite,
  peer: PeerAddress,
  def: D,
  synapse: SynapseOf<D>,
  opts: CallOptions = {},
): Promise<Omit<Sn2Reply<never>, 'answer'> & { synapse: SynapseOf<D> }> {
  const reply = await dendrite.call(peer, def, synapse, opts);
  const status = reply.dendrite.status_code ?? 0;
  const ok = status === 200;
  return {
    ok,
    status,
    message: reply.dendrite.status_message,
    synapse: reply,
    // The SDK's model: `process_time` counts on a 200, or when the axon answered at all.
    processTimeS: ok || reply.axon.status_code !== null ? reply.dendrite.process_time : null,
  };
}
