import { useState } from 'react';
import type { ProofLogEntry } from '../../../core/contract/index.js';
import { useCoreEvent } from './use-core-events.js';
import { useQuery } from './use-query.js';

const KEEP = 10_000;

/** The proof log of one role, newest first: the stored entries, then live ones as they arrive. */
export function useProofLog(role: ProofLogEntry['role']) {
  const query = useQuery('proofLog.list', { limit: KEEP });
  const [live, setLive] = useState<ProofLogEntry[]>([]);
  useCoreEvent('proof', (event) => {
    if (event.entry.role !== role) return;
    setLive((prev) => [event.entry, ...prev].slice(0, KEEP));
  });
  const stored = (query.data ?? []).filter((e) => e.role === role);
  const seen = new Set(live.map((e) => e.id));
  const entries = [...live, ...stored.filter((e) => !seen.has(e.id))].slice(0, KEEP);
  return { entries, error: query.error, loading: query.loading, reload: query.reload };
}
