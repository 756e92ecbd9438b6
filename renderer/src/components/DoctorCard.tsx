import { useQuery } from '../state/use-query.js';
import { Card, Loading } from './Card.js';
import { ErrorNote } from './ErrorNote.js';

/**
 * The eligibility doctor: axon reachable from outside, registration, clock, provers, circuits — each
 * failing check with the fix to try. `only` narrows it to checks whose id starts with one of the prefixes.
 */
export function DoctorCard({ title = 'Checks', only }: { title?: string; only?: string[] }) {
  const query = useQuery('doctor.run', {});
  const checks = (query.data?.checks ?? []).filter((c) => !only || only.some((p) => c.id.startsWith(p)));
  return (
    <Card
      title={title}
      id={`doctor-${(only ?? ['all']).join('-')}`}
      actions={
        <button type="button" className="btn btn-small" onClick={query.reload} disabled={query.loading}>
          {query.loading ? 'Checking…' : 'Check again'}
        </button>
      }
    >
      <ErrorNote error={query.error} />
      {query.loading && !query.data && <Loading what="checks" />}
      {query.data && checks.length === 0 && <p className="muted">No checks of this kind reported.</p>}
      <ul className="checks">
        {checks.map((c) => (
          <li key={c.id} className={c.ok ? 'check-ok' : 'check-fail'}>
            <span aria-hidden="true">{c.ok ? '✓' : '✗'}</span>
            <span className="visually-hidden">{c.ok ? 'Passed:' : 'Failed:'}</span> {c.message}
            {!c.ok && c.fix && (
              <div className="note-hint">
                <strong>Try:</strong> {c.fix}
              </div>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
