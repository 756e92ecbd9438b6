import type { RefusalReason, RefusalSummary } from '../../../core/contract/index.js';
import { formatDateTime, shortAddress } from '../format.js';

/** What each refusal means for the miner's owner, and what usually causes it. */
const REASONS: Record<RefusalReason, string> = {
  'stale-nonce': 'stale nonce (a clock is off: this one or the caller’s)',
  'replayed-nonce': 'replayed nonce (the same request sent twice)',
  'bad-signature': 'missing or wrong signature',
  blacklisted: 'blacklisted (not registered, stake below the minimum, or no validator permit)',
  'rate-limited': 'too many requests from one caller',
  'internal-error': 'internal error (a bug or a broken prover: see the ids below)',
  'queue-full': 'proof queue full',
  timeout: 'timed out waiting for a prover',
  'too-large': 'request body too large',
  other: 'other refusals',
};

/**
 * The axon's refusals since the miner started: totals per reason, the callers refused most, the latest
 * internal errors with the id the caller saw. Explains the empty state instead of showing zeros.
 */
export function RefusalsPanel({
  summary,
  running,
}: {
  summary: RefusalSummary | undefined;
  running: boolean;
}) {
  if (!summary || summary.total === 0)
    return (
      <p className="muted" data-testid="refusals-empty">
        {running
          ? 'No request refused since the miner started: every validator that called was served.'
          : 'Refused requests are counted while the miner runs; each start begins a new count.'}
      </p>
    );
  const reasons = Object.entries(summary.byReason).sort((a, b) => b[1] - a[1]) as Array<
    [RefusalReason, number]
  >;
  return (
    <div data-testid="refusals">
      <p>
        {summary.total} request{summary.total === 1 ? '' : 's'} refused since {formatDateTime(summary.since)}.
      </p>
      <table className="table">
        <thead>
          <tr>
            <th>Reason</th>
            <th>Requests</th>
          </tr>
        </thead>
        <tbody>
          {reasons.map(([reason, n]) => (
            <tr key={reason}>
              <td>{REASONS[reason]}</td>
              <td>{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>Callers refused most</h4>
      <table className="table">
        <thead>
          <tr>
            <th>Caller (as claimed)</th>
            <th>Reason</th>
            <th>Requests</th>
            <th>Last answer</th>
          </tr>
        </thead>
        <tbody>
          {summary.topCallers.map((c) => (
            <tr key={`${c.reason}-${c.caller}`}>
              <td title={c.caller}>{c.caller.startsWith('ip ') ? c.caller : shortAddress(c.caller)}</td>
              <td>{c.reason}</td>
              <td>{c.count}</td>
              <td>{c.lastMessage}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.recentErrors.length > 0 && (
        <>
          <h4>Latest internal errors</h4>
          <ul>
            {summary.recentErrors.map((e) => (
              <li key={e.id}>
                #{e.id} at {formatDateTime(e.at)}: {e.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
