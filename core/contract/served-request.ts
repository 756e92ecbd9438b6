/** One served request, for logs, refusal counts and metrics. */
export interface ServedRequest {
  at: string;
  route: string;
  status: number;
  message: string;
  peerIp: string;
  peerPort: number | null;
  /** Claimed hotkey (verified only when status is 2xx or a forward-chosen code). */
  hotkey: string | null;
  uuid: string | null;
  nonce: string | null;
  /** For 500s: the id in the reply's message, and what actually went wrong. */
  errorId?: string;
  internalError?: string;
  timings: { totalMs: number; verifyMs?: number; queueMs?: number; forwardMs?: number };
}
