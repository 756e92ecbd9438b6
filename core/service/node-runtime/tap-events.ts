import { EventEmitter } from 'node:events';
import type { CoreEvent } from '../../contract/index.js';

export interface TappedEvents {
  /** Sends an event on to the core's stream and to this node's own listeners (its metrics). */
  emit(event: CoreEvent): void;
  events: { onEvent(listener: (event: CoreEvent) => void): () => void };
}

/** A running node's own view of the events it emits, beside the core's stream. */
export function tapEvents(emit: (event: CoreEvent) => void): TappedEvents {
  const local = new EventEmitter();
  return {
    emit(event) {
      emit(event);
      local.emit('event', event);
    },
    events: {
      onEvent(listener) {
        local.on('event', listener);
        return () => void local.off('event', listener);
      },
    },
  };
}
