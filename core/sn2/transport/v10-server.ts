import type { Sr25519Signer } from '../../bittensor/signer.js';
import { Axon, fromPlain, toPlain, type AxonOptions, type PyValue } from '../../bittensor/wire/index.js';
import type { Sn2Handlers, Sn2Server } from './sn2-transport.js';
import { Competition, ProofOfWeightsSynapse, QueryForCapacities, QueryZkProof } from './v10-synapses.js';

export type { AxonOptions as V10ServerOptions };

/** v10: SN2's messages served on a bittensor axon signed with `hotkey` (the four SN2 routes + ping). */
export function v10Server(hotkey: Sr25519Signer, options: AxonOptions = {}): Sn2Server {
  // The miner's own scheduler decides what runs; the axon only has to hand requests over.
  return v10ServerOn(new Axon(hotkey, { ...options, concurrency: Math.max(64, options.concurrency ?? 0) }));
}

/** v10: SN2's messages served on an existing axon. */
export function v10ServerOn(axon: Axon): Sn2Server {
  return {
    serve: (h) => attachSn2Routes(axon, h),
    start: () => axon.start(),
    stop: () => axon.stop(),
    onRequest(listener) {
      axon.on('request', listener);
      return () => void axon.off('request', listener);
    },
    onError(listener) {
      axon.on('error', listener);
      return () => void axon.off('error', listener);
    },
  };
}

const plainDict = (v: PyValue | null | undefined): Record<string, unknown> | null =>
  v instanceof Map ? (toPlain(v) as Record<string, unknown>) : null;

function attachSn2Routes(axon: Axon, h: Sn2Handlers): void {
  const gate = {
    blacklist: (s: { dendrite: { hotkey: string | null } }) => {
      const reason = h.blacklist(s.dendrite.hotkey);
      return reason ? ([true, reason] as const) : ([false, 'Allowed'] as const);
    },
    priority: (s: { dendrite: { hotkey: string | null } }) => h.priority(s.dendrite.hotkey),
  };
  axon.attach(QueryZkProof, {
    ...gate,
    forward: async (s, ctx) => {
      const answer = await h.queryZkProof(
        { queryInput: plainDict(s.query_input) },
        { hotkey: ctx.hotkey, timeoutSeconds: s.timeout },
      );
      return { ...s, query_output: answer.queryOutput };
    },
  });
  axon.attach(ProofOfWeightsSynapse, {
    ...gate,
    forward: async (s, ctx) => {
      const answer = await h.proofOfWeights(
        {
          subnetUid: s.subnet_uid,
          circuitId: s.verification_key_hash,
          proofSystem: s.proof_system,
          inputs: plainDict(s.inputs) ?? {},
        },
        { hotkey: ctx.hotkey, timeoutSeconds: s.timeout },
      );
      return { ...s, proof: answer.proof, public_signals: answer.publicSignals };
    },
  });
  axon.attach(QueryForCapacities, {
    blacklist: gate.blacklist,
    forward: async (s) => {
      const capacities = await h.capacities();
      return { ...s, capacities: capacities ? (fromPlain(capacities) as Map<string, number>) : null };
    },
  });
  axon.attach(Competition, {
    blacklist: gate.blacklist,
    forward: (s) => ({ ...s, error: h.competition().error }),
  });
}
