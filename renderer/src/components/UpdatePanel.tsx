import { useState } from 'react';
import type { UpdateState } from '../../../core/contract/index.js';
import { ErrorNote } from './ErrorNote.js';
import { useQuery } from '../state/use-query.js';
import { useAction } from '../state/use-action.js';
import { useCoreEvent } from '../state/use-core-events.js';

function describe(state: UpdateState, channel: string): string {
  switch (state.kind) {
    case 'idle':
      return `Up to date on the ${channel} channel.`;
    case 'checking':
      return 'Looking for an update…';
    case 'downloading':
      return `Downloading ${state.version || 'an update'}: ${Math.floor(state.percent)} %`;
    case 'ready':
      return `Version ${state.version} is downloaded and ready to install.`;
    case 'error':
      return `The last update check failed: ${state.message}`;
    case 'unsupported':
      return `Automatic updates are not available here: ${state.reason}.`;
  }
}

/** The app's self-update: state as the core reports it (live, from `update` events) and its actions. */
export function UpdatePanel({ channel }: { channel: 'stable' | 'beta' }) {
  const status = useQuery('update.status', {});
  const check = useAction('update.check');
  const restart = useAction('update.restart');
  const [refusal, setRefusal] = useState<string>();
  useCoreEvent('update', (event) => status.set(() => event.state));

  const state = status.data;
  if (!state) return <ErrorNote error={status.error} onRetry={status.reload} />;
  const busy = check.pending || restart.pending;
  return (
    <div className="update-panel" data-testid="update-panel" data-state={state.kind}>
      <p role="status" aria-live="polite">
        {describe(state, channel)}
      </p>
      {state.kind === 'downloading' && (
        <progress max={100} value={state.percent} aria-label="Update download progress" />
      )}
      {state.kind !== 'unsupported' && (
        <div className="button-row">
          {state.kind === 'ready' ? (
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              onClick={async () => {
                setRefusal(undefined);
                const out = await restart.run({});
                if (out && !out.restarted) setRefusal(out.reason ?? 'the update could not be installed now');
              }}
            >
              Restart to update
            </button>
          ) : (
            <button
              type="button"
              className="btn"
              disabled={busy || state.kind === 'checking' || state.kind === 'downloading'}
              onClick={async () => {
                const out = await check.run({});
                if (out) status.set(() => out);
              }}
            >
              Check for updates
            </button>
          )}
        </div>
      )}
      {refusal && <p className="note note-warn">Not restarted: {refusal}</p>}
      <ErrorNote error={check.error ?? restart.error} />
    </div>
  );
}
