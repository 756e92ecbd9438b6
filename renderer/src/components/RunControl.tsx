import type { ComponentControl } from '../state/use-component-status.js';
import { ErrorNote } from './ErrorNote.js';
import { formatDateTime } from '../format.js';

const LABEL: Record<string, string> = {
  unknown: 'Unknown',
  stopped: 'Stopped',
  starting: 'Starting…',
  running: 'Running',
  stopping: 'Stopping… (finishing proofs in flight)',
  error: 'Error',
};

/** Start/Stop with the state always visible; the buttons follow the state, never the other way round. */
export function RunControl({ control, noun }: { control: ComponentControl; noun: 'mining' | 'validating' }) {
  const { state, status, detail } = control;
  const canStart = !control.busy && (state === 'stopped' || state === 'error' || state === 'unknown');
  const canStop = !control.busy && (state === 'running' || state === 'starting');
  return (
    <div className="run-control">
      <div className="run-state">
        <span className={`badge badge-${state}`} role="status" aria-live="polite" data-testid="run-state">
          {LABEL[state]}
        </span>
        {status && state !== 'unknown' && <span className="muted">since {formatDateTime(status.since)}</span>}
        {status && status.inFlight > 0 && <span className="muted">{status.inFlight} proof(s) in flight</span>}
      </div>
      {detail && <p className={state === 'error' ? 'note note-error' : 'muted'}>{detail}</p>}
      <div className="button-row">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!canStart}
          onClick={() => void control.start()}
        >
          Start {noun}
        </button>
        <button type="button" className="btn" disabled={!canStop} onClick={() => void control.stop()}>
          Stop {noun}
        </button>
      </div>
      <ErrorNote error={control.loadError} />
      <ErrorNote error={control.actionError} />
    </div>
  );
}
