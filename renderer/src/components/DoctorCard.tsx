import type { CommandOutput } from '../../../core/contract/index.js';
import { useQuery } from '../state/use-query.js';
import { useCoreEvent } from '../state/use-core-events.js';
import { Card, Loading } from './Card.js';
import { ErrorNote } from './ErrorNote.js';

type Check = CommandOutput<'doctor.run'>['checks'][number];

/** What each check of the core's doctor looks at, by its id. */
const CHECK_NAMES: Record<string, string> = {
  hardware: 'Hardware',
  'axon-local': 'Axon on this computer',
  'external-ip': 'External IP',
  provers: 'Provers',
  circuits: 'Circuit files',
  registration: 'Registration',
  'axon-chain': 'Axon on chain',
  clock: 'Clock',
  refusals: 'Refused requests',
  'public-ipv4': 'Public IPv4',
  'quic-local': 'QUIC port on this computer',
  'quic-external': 'Reachable from the Internet',
};
const nameOf = (id: string) => CHECK_NAMES[id] ?? id;

interface Row {
  key: string;
  names: string[];
  state: 'ok' | 'fail' | 'not-run';
  message: string;
  fix?: string;
}

/** Checks that could not run for the same reason are one row: "Registration, Clock: not checked, <why>". */
function rowsOf(checks: Check[]): Row[] {
  const rows: Row[] = [];
  for (const c of checks) {
    if (!c.skipped) {
      rows.push({
        key: c.id,
        names: [nameOf(c.id)],
        state: c.ok ? 'ok' : 'fail',
        message: c.message,
        fix: c.fix,
      });
      continue;
    }
    const same = rows.find((r) => r.state === 'not-run' && r.message === c.message && r.fix === c.fix);
    if (same) same.names.push(nameOf(c.id));
    else rows.push({ key: c.id, names: [nameOf(c.id)], state: 'not-run', message: c.message, fix: c.fix });
  }
  return rows;
}

const MARK = { ok: '✓', fail: '✗', 'not-run': '–' } as const;
const SPOKEN = { ok: 'Passed:', fail: 'Failed:', 'not-run': '' } as const;

/**
 * The eligibility doctor: axon reachable from outside, registration, clock, provers, circuits — each
 * failing check with the fix to try. `only` narrows it to checks whose id starts with one of the prefixes.
 */
export function DoctorCard({ title = 'Checks', only }: { title?: string; only?: string[] }) {
  const query = useQuery('doctor.run', {});
  // The axon checks depend on whether the miner runs (and on which port): check again when that settles.
  useCoreEvent('status', (event) => {
    if (event.component === 'miner' && (event.state === 'running' || event.state === 'stopped'))
      query.reload();
  });
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
        {rowsOf(checks).map((row) => (
          <li key={row.key} className={`check-${row.state}`}>
            <span aria-hidden="true">{MARK[row.state]}</span>
            {SPOKEN[row.state] && <span className="visually-hidden">{SPOKEN[row.state]}</span>}{' '}
            <strong>{row.names.join(', ')}</strong>: {row.state === 'not-run' && 'not checked, '}
            {row.message}
            {row.state !== 'ok' && row.fix && (
              <div className="note-hint">
                <strong>Try:</strong> {row.fix}
              </div>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
