import { useCallback, useState } from 'react';
import type { CommandInput, CommandName, CommandOutput } from '../../../core/contract/index.js';
import { useCore } from './core-context.js';

export interface ActionState<N extends CommandName> {
  run: (input: CommandInput<N>) => Promise<CommandOutput<N> | undefined>;
  pending: boolean;
  error: Error | undefined;
  clearError: () => void;
}

/** A command the user triggers; `run` resolves undefined on failure and leaves the error in `error`. */
export function useAction<N extends CommandName>(name: N): ActionState<N> {
  const core = useCore();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Error>();
  const run = useCallback(
    async (input: CommandInput<N>) => {
      setPending(true);
      setError(undefined);
      try {
        return await core.invoke(name, input);
      } catch (err) {
        setError(err instanceof Error ? err : new Error(String(err)));
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [core, name],
  );
  return { run, pending, error, clearError: useCallback(() => setError(undefined), []) };
}
