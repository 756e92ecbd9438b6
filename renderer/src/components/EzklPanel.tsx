import { useState } from 'react';
import type { CommandOutput, CoreEvent } from '../../../core/contract/index.js';
import { Loading } from './Card.js';
import { ErrorNote } from './ErrorNote.js';
import { useQuery } from '../state/use-query.js';
import { useAction } from '../state/use-action.js';
import { useCoreEvent } from '../state/use-core-events.js';
import { formatBytes } from '../format.js';

type Progress = Extract<CoreEvent, { type: 'progress' }>;
type EzklStatus = CommandOutput<'provers.ezklStatus'>;

/** The taskId of the core's `progress` events for `provers.installEzkl`. */
const INSTALL_TASK = 'provers.installEzkl';

function progressText(p: Progress): string {
  if (p.unit === 'bytes') {
    return p.total
      ? `${p.label}: ${formatBytes(p.done)} of ${formatBytes(p.total)}`
      : `${p.label}: ${formatBytes(p.done)}`;
  }
  return `${p.label}…`;
}

function StatusText({ status }: { status: EzklStatus }) {
  if (status.installed) {
    return (
      <p role="status" className="note note-ok">
        ezkl {status.version} is installed: <span className="mono">{status.path}</span>
      </p>
    );
  }
  return (
    <div role="status" className="note note-warn">
      <strong>ezkl {status.version} is not usable here:</strong> {status.reason ?? 'it was not found'}.
      <div className="note-hint">
        EZKL circuits (LSTM, SN27/SN48 PoW) cannot be proved, so the miner reports capacity 0 for them. Circom
        circuits are proved as usual.
      </div>
    </div>
  );
}

/**
 * The native ezkl CLI that SN2's EZKL circuits need: whether it is usable, and a one-click install of the
 * pinned, checksum-checked release where this build has one (live progress from the core's events).
 * `configuredPath` is the saved ezkl path setting, if any.
 */
export function EzklPanel({ configuredPath }: { configuredPath?: string }) {
  // A saved change of the ezkl path in Settings changes what the core finds: ask again.
  const status = useQuery('provers.ezklStatus', {}, configuredPath ?? '');
  const install = useAction('provers.installEzkl');
  const [progress, setProgress] = useState<Progress>();
  const [installedNow, setInstalledNow] = useState(false);
  useCoreEvent('progress', (event) => {
    if (event.taskId !== INSTALL_TASK) return;
    if (!event.finished) {
      setProgress(event);
      return;
    }
    setProgress(undefined);
    // An install started elsewhere (another window) finished: show what it left.
    if (!install.pending) status.reload();
  });

  const s = status.data;
  if (!s) {
    return (
      <div className="ezkl-panel" data-testid="ezkl-panel">
        <ErrorNote error={status.error} onRetry={status.reload} />
        {status.loading && <Loading what="ezkl status" />}
      </div>
    );
  }
  const installing = install.pending || progress !== undefined;
  const state = installing ? 'installing' : s.installed ? 'installed' : 'missing';
  return (
    <div className="ezkl-panel" data-testid="ezkl-panel" data-state={state}>
      <h3>Native ezkl</h3>
      <StatusText status={s} />
      {installedNow && s.installed && (
        <p className="note note-ok">
          Installed. EZKL circuits can be proved now, also by a miner that is already running.
        </p>
      )}
      {!s.installed && s.installable && (
        <>
          <div className="button-row">
            <button
              type="button"
              className="btn btn-primary"
              disabled={installing}
              onClick={async () => {
                setInstalledNow(false);
                const out = await install.run({});
                setProgress(undefined);
                if (out) {
                  status.set(() => out);
                  setInstalledNow(out.installed);
                }
              }}
            >
              {installing ? 'Installing…' : `Install ezkl ${s.version}`}
            </button>
            <span className="muted small">
              Downloads the pinned release for {s.platform}, checks its SHA-256 and version, and puts it in
              the data folder.
            </span>
          </div>
          {installing && (
            <div aria-live="polite">
              <p>{progress ? progressText(progress) : 'Starting the download…'}</p>
              <progress
                aria-label="ezkl install progress"
                {...(progress?.total ? { max: progress.total, value: progress.done } : {})}
              />
            </div>
          )}
        </>
      )}
      {!s.installed && !s.installable && (
        <p className="note note-warn" data-testid="ezkl-install-blocked">
          {s.installBlockedReason ?? `This build cannot install ezkl ${s.version} here.`}
        </p>
      )}
      <ErrorNote error={install.error} />
    </div>
  );
}
