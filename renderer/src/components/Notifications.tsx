import { useState } from 'react';
import type { CoreEvent } from '../../../core/contract/index.js';
import { useCoreEvent } from '../state/use-core-events.js';

type Note = Extract<CoreEvent, { type: 'notification' }> & { id: number };
let nextId = 1;

/** In-page toasts for the core's notification events (Electron also shows them natively). */
export function Notifications() {
  const [notes, setNotes] = useState<Note[]>([]);
  useCoreEvent('notification', (event) =>
    setNotes((prev) => [...prev, { ...event, id: nextId++ }].slice(-4)),
  );
  if (notes.length === 0) return null;
  return (
    <div className="toasts" role="log" aria-live="polite">
      {notes.map((n) => (
        <div key={n.id} className={`toast toast-${n.level}`}>
          <strong>{n.title}</strong> {n.body}
          <button
            type="button"
            className="btn btn-small"
            aria-label={`Dismiss ${n.title}`}
            onClick={() => setNotes((prev) => prev.filter((x) => x.id !== n.id))}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
