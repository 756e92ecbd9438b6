import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommandInput, CommandName, CommandOutput } from '../../../core/contract/index.js';
import { useCore } from './core-context.js';

export interface QueryState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
  /** Replace the data locally (e.g. from an event) without a round trip. */
  set: (update: (prev: T | undefined) => T | undefined) => void;
}

/** Runs a read-only command on mount (and when `key` changes); errors are kept to be shown, not thrown. */
export function useQuery<N extends CommandName>(
  name: N,
  input: CommandInput<N>,
  key = '',
): QueryState<CommandOutput<N>> {
  const core = useCore();
  const [data, setData] = useState<CommandOutput<N>>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const inputRef = useRef(input);
  useEffect(() => {
    inputRef.current = input;
  });

  useEffect(() => {
    let live = true;
    setLoading(true);
    core.invoke(name, inputRef.current).then(
      (out) => {
        if (!live) return;
        setData(out);
        setError(undefined);
        setLoading(false);
      },
      (err: unknown) => {
        if (!live) return;
        setError(err instanceof Error ? err : new Error(String(err)));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [core, name, key, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload, set: setData };
}
