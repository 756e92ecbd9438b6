import type { PeerAddress, Sn2Client, Sn2Reply } from '../sn2/transport/sn2-transport.js';
import { errorMessage } from '../util/errors.js';
import type { QueryReply } from './proof-log-status.js';
import type { ValidatorRequest } from './request/validator-request.js';
import type { RawResponse } from './response/process-response.js';

/** A query as sent and answered: what §8.6 judges, plus the wire status for the proof log. */
export type SentQuery = RawResponse & { reply: QueryReply };

/** The SDK's model: the reply's fields and `process_time` count only on a 200. */
function sentQuery(r: Sn2Reply<unknown>, deserialized: unknown): SentQuery {
  return {
    ok: r.ok,
    processTime: r.ok ? (r.processTimeS ?? undefined) : undefined,
    deserialized,
    reply: { status: r.status, message: r.message },
  };
}

export const notSent = (why: string): SentQuery => ({
  ok: false,
  processTime: undefined,
  deserialized: null,
  reply: { status: 0, message: why },
});

/** Sends one request (§8.4) and returns what came back; a transport failure is a reply with status 0. */
export async function sendQuery(
  client: Sn2Client,
  target: PeerAddress,
  req: ValidatorRequest,
  warn: (msg: string) => void,
): Promise<SentQuery> {
  const timeoutS = req.timeoutSeconds;
  try {
    if (req.synapse === 'QueryZkProof') {
      const r = await client.queryZkProof(
        target,
        { queryInput: { public_inputs: req.input, model_id: req.circuitId } },
        { timeoutS },
      );
      return sentQuery(r, r.answer ? r.answer.queryOutput : null);
    }
    const r = await client.proofOfWeights(
      target,
      { subnetUid: req.subnetUid, circuitId: req.circuitId, proofSystem: req.proofSystem, inputs: req.input },
      { timeoutS },
    );
    const a = r.answer;
    return sentQuery(r, a ? { inputs: a.inputs, proof: a.proof, public_signals: a.publicSignals } : null);
  } catch (err) {
    warn(`query to uid ${req.uid} failed: ${errorMessage(err)}`);
    return notSent(errorMessage(err));
  }
}
