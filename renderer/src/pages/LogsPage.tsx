import { useState } from 'react';
import type { CoreEvent } from '../../../core/contract/index.js';
import { Card, Loading, Page } from '../components/Card.js';
import { ErrorNote } from '../components/ErrorNote.js';
import { useQuery } from '../state/use-query.js';
import { useCoreEvent } from '../state/use-core-events.js';
import { formatTime } from '../format.js';

type LogEvent = Extract<CoreEvent, { type: 'log' }>;

/** The core's log file (tail) and the live log events since the page opened. */
export function LogsPage() {
  const [lines, setLines] = useState(200);
  const tail = useQuery('logs.tail', { lines }, String(lines));
  const info = useQuery('app.info', {});
  const [live, setLive] = useState<LogEvent[]>([]);
  const [filter, setFilter] = useState('');
  useCoreEvent('log', (event) => setLive((prev) => [...prev, event].slice(-1000)));
  const match = (text: string) => !filter || text.toLowerCase().includes(filter.toLowerCase());

  return (
    <Page
      title="Logs"
      lead={
        info.data && (
          <>
            Log files are in <span className="mono">{info.data.dataDir}/logs</span>.
          </>
        )
      }
    >
      <div className="filters">
        <label htmlFor="log-filter">Filter</label>
        <input id="log-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <label htmlFor="log-lines">Lines</label>
        <select id="log-lines" value={lines} onChange={(e) => setLines(Number(e.target.value))}>
          {[200, 1000, 5000].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-small" onClick={tail.reload}>
          Refresh
        </button>
      </div>
      <Card title="Live" id="live-log">
        {live.length === 0 ? (
          <p className="empty">Nothing logged since this page opened.</p>
        ) : (
          <pre className="log" aria-live="off">
            {live
              .filter((e) => match(`${e.component} ${e.msg}`))
              .map((e) => `${formatTime(e.at)} ${e.level.toUpperCase().padEnd(5)} [${e.component}] ${e.msg}`)
              .join('\n')}
          </pre>
        )}
      </Card>
      <Card title="Log file" id="log-file">
        <ErrorNote error={tail.error} onRetry={tail.reload} />
        {tail.loading && !tail.data && <Loading what="log" />}
        {tail.data && tail.data.length === 0 && (
          <p className="empty">The log file is empty: the core has logged nothing yet.</p>
        )}
        {tail.data && tail.data.length > 0 && !tail.data.some(match) && (
          <p className="empty">
            No line of the last {lines} matches "{filter}".
          </p>
        )}
        {tail.data?.some(match) && <pre className="log">{tail.data.filter(match).join('\n')}</pre>}
      </Card>
    </Page>
  );
}
