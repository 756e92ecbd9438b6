import { useEffect, useRef } from 'react';
import type { CoreEvent, CoreEventType } from '../../../core/contract/index.js';
import { useCore } from './core-context.js';

type EventOf<T extends CoreEventType> = Extract<CoreEvent, { type: T }>;

/** Calls `handler` for every core event of `type`; the latest handler is used without resubscribing. */
export function useCoreEvent<T extends CoreEventType>(type: T, handler: (event: EventOf<T>) => void): void {
  const core = useCore();
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(
    () =>
      core.onEvent((event) => {
        if (event.type === type) ref.current(event as EventOf<T>);
      }),
    [core, type],
  );
}
