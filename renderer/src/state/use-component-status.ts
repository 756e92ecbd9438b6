import { useCallback, useState } from 'react';
import type { CommandOutput, RunState } from '../../../core/contract/index.js';
import { useCore } from './core-context.js';
import { useCoreEvent } from './use-core-events.js';
import { useQuery } from './use-query.js';

type Role = 'miner' | 'validator';
export type ComponentStatus = CommandOutput<'miner.status'>;

export interface ComponentControl {
  status: ComponentStatus | undefined;
  /** What to show: the core's state, or the transition the user just asked for while it is pending. */
  state: RunState | 'unknown';
  detail: string | undefined;
  loadError: Error | undefined;
  actionError: Error | undefined;
  start: () => Promise<void>;
  stop: () => Promise<void>;
  busy: boolean;
}

/**
 * The miner's or validator's run state, kept in step with the core: the status command on mount,
 * then every `status` event. Start/Stop show "starting"/"stopping" until the core answers.
 */
export function useComponentStatus(role: Role): ComponentControl {
  const core = useCore();
  const query = useQuery(role === 'miner' ? 'miner.status' : 'validator.status', {});
  const [pending, setPending] = useState<'starting' | 'stopping' | null>(null);
  const [actionError, setActionError] = useState<Error>();

  useCoreEvent('status', (event) => {
    if (event.component !== role) return;
    query.set((prev) =>
      prev
        ? { ...prev, state: event.state, detail: event.detail, since: event.at }
        : { state: event.state, detail: event.detail, since: event.at, stats: [], inFlight: 0 },
    );
  });
  useCoreEvent('circuitStats', (event) => {
    query.set((prev) => (prev ? { ...prev, stats: event.stats } : prev));
  });
  useCoreEvent('refusals', (event) => {
    if (role === 'miner') query.set((prev) => (prev ? { ...prev, refusals: event.summary } : prev));
  });

  const act = useCallback(
    async (which: 'start' | 'stop') => {
      setPending(which === 'start' ? 'starting' : 'stopping');
      setActionError(undefined);
      try {
        const status = await core.invoke(`${role}.${which}`, {});
        query.set(() => status);
      } catch (err) {
        setActionError(err instanceof Error ? err : new Error(String(err)));
      } finally {
        setPending(null);
      }
    },
    [core, role, query],
  );

  const status = query.data;
  return {
    status,
    state: pending ?? status?.state ?? 'unknown',
    detail: status?.detail,
    loadError: query.error,
    actionError,
    start: () => act('start'),
    stop: () => act('stop'),
    busy: pending !== null,
  };
}
