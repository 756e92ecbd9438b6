import { useState } from 'react';
import type { CommandOutput, CoreEvent, EngineChannel } from '../../../core/contract/index.js';
import { Loading } from './Card.js';
import { EngineHandInstalled } from './EngineHandInstalled.js';
import { ErrorNote } from './ErrorNote.js';
import { useQuery } from '../state/use-query.js';
import { useAction } from '../state/use-action.js';
import { useCoreEvent } from '../state/use-core-events.js';
import { formatBytes } from '../format.js';

type Progress = Extract<CoreEvent, { type: 'progress' }>;
type EngineStatus = CommandOutput<'engine.status'>;
type UpdateCheck = CommandOutput<'engine.checkUpdate'>;

/** The taskId of the core's `progress` events for `engine.install` and `engine.applyUpdate`. */
const INSTALL_TASK = 'engine.install';

const progressText = (p: Progress): string =>
  p.unit === 'bytes'
    ? `${p.label}: ${formatBytes(p.done)}${p.total ? ` of ${formatBytes(p.total)}` : ''}`
    : `${p.label}…`;

function StatusText({ s }: { s: EngineStatus }) {
  if (!s.supported)
    return (
      <p role="status" className="note note-warn" data-testid="engine-unsupported">
        {s.unsupportedReason}
      </p>
    );
  if (s.problem)
    return (
      <p role="status" className="note note-error">
        {s.problem}
      </p>
    );
  if (!s.selected)
    return (
      <p role="status" className="note note-warn">
        The official sn2-miner is not installed. Mining today&apos;s Subnet 2 needs it; Practice does not.
      </p>
    );
  const origin =
    s.selected.source === 'custom' ? 'installed by hand' : `${s.active?.channel} release ${s.active?.tag}`;
  return (
    <p role="status" className="note note-ok">
      sn2-miner {s.selected.version ?? '(version unknown)'} ({origin}):{' '}
      <span className="mono">{s.selected.path}</span>
    </p>
  );
}

/**
 * The official sn2-miner (spec sn2-2026.md §2): what is installed, install with live progress, look for an
 * update and apply it on request, roll back, or use a binary installed by hand. Every release is checked by the core (Sigstore signature of
 * SHA256SUMS, the binary's SHA-256, a test run) before it is used.
 */
export function EnginePanel() {
  const status = useQuery('engine.status', {});
  const install = useAction('engine.install');
  const check = useAction('engine.checkUpdate');
  const apply = useAction('engine.applyUpdate');
  const rollback = useAction('engine.rollback');
  const [channel, setChannel] = useState<EngineChannel>();
  const [update, setUpdate] = useState<UpdateCheck>();
  const [progress, setProgress] = useState<Progress>();
  useCoreEvent('progress', (event) => {
    if (event.taskId !== INSTALL_TASK) return;
    setProgress(event.finished ? undefined : event);
    if (event.finished && !install.pending && !apply.pending) status.reload();
  });

  const s = status.data;
  if (!s)
    return (
      <div className="engine-panel" data-testid="engine-panel">
        <ErrorNote error={status.error} onRetry={status.reload} />
        {status.loading && <Loading what="engine status" />}
      </div>
    );
  const chosen = channel ?? s.active?.channel ?? 'mainnet';
  const busy = install.pending || apply.pending || rollback.pending || progress !== undefined;
  const done = (out: EngineStatus | undefined) => {
    setProgress(undefined);
    if (out) {
      status.set(() => out);
      setUpdate(undefined);
    }
  };
  return (
    <div
      className="engine-panel"
      data-testid="engine-panel"
      data-state={busy ? 'busy' : s.selected ? 'installed' : 'missing'}
    >
      <StatusText s={s} />
      {s.supported && (
        <>
          <div className="button-row">
            <label htmlFor="engine-channel">Channel</label>
            <select
              id="engine-channel"
              value={chosen}
              disabled={busy}
              onChange={(e) => {
                setChannel(e.target.value as EngineChannel);
                setUpdate(undefined);
              }}
            >
              <option value="mainnet">Mainnet releases</option>
              <option value="testnet">Testnet builds</option>
            </select>
            {!s.active || s.active.channel !== chosen ? (
              <button
                type="button"
                className="btn btn-primary"
                disabled={busy}
                onClick={async () => done(await install.run({ channel: chosen }))}
              >
                {busy ? 'Installing…' : `Install the newest ${chosen} sn2-miner`}
              </button>
            ) : (
              <button
                type="button"
                className="btn"
                disabled={busy || check.pending}
                onClick={async () => setUpdate(await check.run({ channel: chosen }))}
              >
                Check for an update
              </button>
            )}
            {s.previous && (
              <button
                type="button"
                className="btn"
                disabled={busy}
                onClick={async () => done(await rollback.run({}))}
              >
                Roll back to {s.previous.tag}
              </button>
            )}
          </div>
          {update && !update.available && <p className="note note-ok">Up to date ({update.latest.tag}).</p>}
          {update?.available && (
            <div className="note" data-testid="engine-update">
              Update available: {update.channel} release {update.latest.tag}
              {update.installed ? ` (installed: ${update.installed.tag})` : ''}.{' '}
              <button
                type="button"
                className="btn btn-primary"
                disabled={busy}
                onClick={async () => done(await apply.run({ channel: chosen }))}
              >
                Update now
              </button>
              <div className="note-hint">
                A running miner switches to it between proofs within a minute, and back if it does not start.
              </div>
            </div>
          )}
          {busy && (
            <div aria-live="polite">
              <p>{progress ? progressText(progress) : 'Working…'}</p>
              <progress
                aria-label="engine install progress"
                {...(progress?.total ? { max: progress.total, value: progress.done } : {})}
              />
            </div>
          )}
        </>
      )}
      {(s.supported || s.custom) && (
        <EngineHandInstalled status={s} busy={busy} onChange={(out) => status.set(() => out)} />
      )}
      <ErrorNote error={install.error ?? check.error ?? apply.error ?? rollback.error} />
    </div>
  );
}
