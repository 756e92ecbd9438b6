import { useId, useMemo, useState } from 'react';
import type { ProofLogEntry, ProofStatus } from '../../../core/contract/index.js';
import { VirtualList } from './VirtualList.js';
import { ProofDetails } from './ProofDetails.js';
import { downloadText, proofLogToCsv } from './proof-log-export.js';
import { formatMs, formatTime, shortAddress } from '../format.js';

/** A miner knows it served (and self-checked, or the engine proved) a proof; only a validator's row says "verified". */
const STATUSES: Record<ProofLogEntry['role'], ProofStatus[]> = {
  miner: ['served', 'self-checked', 'proved', 'failed', 'rejected', 'timeout', 'error'],
  validator: ['verified', 'failed', 'rejected', 'timeout', 'error'],
};
const ROW_HEIGHT = 40;

const peerOf = (e: ProofLogEntry, role: ProofLogEntry['role']) =>
  role === 'miner' ? e.validatorHotkey : e.minerHotkey;

interface Filters {
  circuit: string;
  status: string;
  peer: string;
}

/** The live proof log: filter by circuit, status and peer (validator or miner), details, export. */
export function ProofLogView({ entries, role }: { entries: ProofLogEntry[]; role: ProofLogEntry['role'] }) {
  const [filters, setFilters] = useState<Filters>({ circuit: '', status: '', peer: '' });
  const [selected, setSelected] = useState<ProofLogEntry | null>(null);
  const ids = useId();
  const peerLabel = role === 'miner' ? 'Validator' : 'Miner';

  const circuits = useMemo(() => {
    const names = new Map<string, string>();
    for (const e of entries) names.set(e.circuitId, e.circuitName);
    return [...names.entries()];
  }, [entries]);

  const visible = useMemo(
    () =>
      entries.filter(
        (e) =>
          (!filters.circuit || e.circuitId === filters.circuit) &&
          (!filters.status || e.status === filters.status) &&
          (!filters.peer || (peerOf(e, role) ?? '').toLowerCase().includes(filters.peer.toLowerCase())),
      ),
    [entries, filters, role],
  );

  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return (
    <div className="proof-log">
      <div className="filters" role="group" aria-label="Proof log filters">
        <label htmlFor={`${ids}-circuit`}>Circuit</label>
        <select
          id={`${ids}-circuit`}
          value={filters.circuit}
          onChange={(e) => setFilters({ ...filters, circuit: e.target.value })}
        >
          <option value="">All circuits</option>
          {circuits.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-status`}>Status</label>
        <select
          id={`${ids}-status`}
          value={filters.status}
          onChange={(e) => setFilters({ ...filters, status: e.target.value })}
        >
          <option value="">All statuses</option>
          {STATUSES[role].map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-peer`}>{peerLabel}</label>
        <input
          id={`${ids}-peer`}
          type="search"
          placeholder="hotkey"
          value={filters.peer}
          onChange={(e) => setFilters({ ...filters, peer: e.target.value })}
        />
        <span className="spacer" />
        <button
          type="button"
          className="btn btn-small"
          disabled={visible.length === 0}
          onClick={() => downloadText(`sn2-proofs-${stamp}.csv`, proofLogToCsv(visible), 'text/csv')}
        >
          Export CSV
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={visible.length === 0}
          onClick={() =>
            downloadText(`sn2-proofs-${stamp}.json`, JSON.stringify(visible, null, 2), 'application/json')
          }
        >
          Export JSON
        </button>
      </div>
      <p className="muted" aria-live="polite" data-testid="proof-count">
        {visible.length} of {entries.length} proofs
      </p>
      {entries.length === 0 ? (
        <p className="empty">
          No proofs yet. They appear here as soon as{' '}
          {role === 'miner' ? 'a validator queries you' : 'miners answer'}.
        </p>
      ) : (
        <>
          <div className="proof-row proof-head" aria-hidden="true">
            <span>Time</span>
            <span>Circuit</span>
            <span>Status</span>
            <span>Total</span>
            <span className="hide-narrow">{peerLabel}</span>
          </div>
          <VirtualList
            items={visible}
            rowHeight={ROW_HEIGHT}
            height={Math.min(400, Math.max(ROW_HEIGHT * 3, visible.length * ROW_HEIGHT))}
            label="Proofs, newest first"
            rowKey={(e) => e.id}
            renderRow={(e) => (
              <button
                type="button"
                className="proof-row"
                onClick={() => setSelected(e)}
                data-status={e.status}
              >
                <span>{formatTime(e.at)}</span>
                <span className="ellipsis">{e.circuitName}</span>
                <span className={`status status-${e.status}`}>{e.status}</span>
                <span>{formatMs(e.totalMs)}</span>
                <span className="hide-narrow mono">{shortAddress(peerOf(e, role))}</span>
              </button>
            )}
          />
        </>
      )}
      {selected && <ProofDetails entry={selected} onClose={() => setSelected(null)} />}
    </div>
  );
}
