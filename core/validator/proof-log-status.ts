import type { ProofStatus } from '../contract/events.js';

const NO_STATUS = 'the reply carried no status code (not a valid synapse)';

/** How a query ended on the wire: the transport status (0: nothing sent, or no status in the reply) and its message. */
export interface QueryReply {
  status: number;
  message: string | null;
}

/**
 * The validator's proof-log status for one query: `verified`; `timeout` when no reply came in time
 * (408, the dendrite's own timeout included); `failed` when the miner answered 200 but the proof is
 * missing, unparseable or does not verify; `error` for every other refusal or transport failure
 * (401/403/404/422/429/5xx, unreachable, a reply without a status), with the status and message kept
 * in `error`.
 */
export function proofLogStatus(
  reply: QueryReply,
  judged: { verified: boolean; failure?: string },
): { status: ProofStatus; error?: string } {
  if (judged.verified) return { status: 'verified' };
  const detail = reply.message ? `${reply.status} ${reply.message}` : String(reply.status);
  if (reply.status === 408) return { status: 'timeout', error: detail };
  if (reply.status === 200) return { status: 'failed', error: judged.failure ?? 'no verified proof' };
  // 0: nothing sent (the message says why), or a reply without a status header (the SDK's None).
  if (reply.status === 0) return { status: 'error', error: reply.message ?? NO_STATUS };
  return { status: 'error', error: detail };
}
