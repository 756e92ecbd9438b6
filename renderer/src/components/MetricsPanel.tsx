import type { MetricSnapshot } from '../../../core/contract/index.js';
import { ErrorNote } from './ErrorNote.js';
import { requestCounts, verificationOutcomes, type Role } from './metrics-summary.js';

const OUTCOMES = ['verified', 'failed', 'rejected', 'timeout', 'error'] as const;

/** Request counts (and, for a validator, verification outcomes per circuit) since the app started. */
export function MetricsPanel({
  role,
  snapshot,
  error,
}: {
  role: Role;
  snapshot: MetricSnapshot[] | undefined;
  error: Error | undefined;
}) {
  if (!snapshot) return <ErrorNote error={error} />;
  const requests = requestCounts(snapshot, role);
  const verdicts = role === 'validator' ? verificationOutcomes(snapshot) : [];
  return (
    <div className="metrics-panel" data-testid="metrics-panel">
      <h3>Requests by route and outcome</h3>
      {requests.length === 0 ? (
        <p className="empty">
          {role === 'miner' ? 'No requests served' : 'No miner responses judged'} since the app started.
        </p>
      ) : (
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">Route</th>
              <th scope="col">Outcome</th>
              <th scope="col">Requests</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={`${r.route}/${r.status}`}>
                <td>{r.route}</td>
                <td className={`status status-${r.status}`}>{r.status}</td>
                <td>{r.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {role === 'validator' && (
        <>
          <h3>Verification outcomes per circuit</h3>
          {verdicts.length === 0 ? (
            <p className="empty">No proofs verified since the app started.</p>
          ) : (
            <table className="table compact">
              <thead>
                <tr>
                  <th scope="col">Circuit</th>
                  {OUTCOMES.map((o) => (
                    <th scope="col" key={o}>
                      {o}
                    </th>
                  ))}
                  <th scope="col">Total</th>
                </tr>
              </thead>
              <tbody>
                {verdicts.map((row) => (
                  <tr key={row.circuit}>
                    <td>{row.circuit}</td>
                    {OUTCOMES.map((o) => (
                      <td key={o}>{row.byOutcome[o] ?? 0}</td>
                    ))}
                    <td>{row.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <p className="muted small">
        Counted by the core since the app started: the same figures the Prometheus endpoint serves when it is
        on.
      </p>
    </div>
  );
}
