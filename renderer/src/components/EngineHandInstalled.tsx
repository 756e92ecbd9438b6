import { useState } from 'react';
import type { CommandOutput } from '../../../core/contract/index.js';
import { ErrorNote } from './ErrorNote.js';
import { useAction } from '../state/use-action.js';

type EngineStatus = CommandOutput<'engine.status'>;

/**
 * An sn2-miner the user installed by hand (`engine.use`): the core asks the person at this computer to
 * confirm the path outside this page (a dialog, or the terminal of `sn2 ui`), test-runs it, reads its
 * version and pins its hash; it then runs instead of the installed release until forgotten.
 */
export function EngineHandInstalled({
  status,
  busy,
  onChange,
}: {
  status: EngineStatus;
  busy: boolean;
  onChange: (out: EngineStatus) => void;
}) {
  const [path, setPath] = useState('');
  const use = useAction('engine.use');
  const clear = useAction('engine.clear');
  const disabled = busy || use.pending || clear.pending;
  return (
    <div className="button-row" data-testid="engine-hand-installed">
      <label htmlFor="engine-custom-path">sn2-miner installed by hand</label>
      <input
        id="engine-custom-path"
        placeholder="/absolute/path/to/sn2-miner"
        value={path}
        disabled={disabled}
        onChange={(e) => setPath(e.target.value)}
      />
      <button
        type="button"
        className="btn"
        disabled={disabled || path.trim() === ''}
        onClick={async () => {
          const out = await use.run({ path: path.trim() });
          if (out) {
            setPath('');
            onChange(out);
          }
        }}
      >
        {use.pending ? 'Waiting for confirmation and a test run…' : 'Use this binary'}
      </button>
      {status.custom && (
        <button
          type="button"
          className="btn"
          disabled={disabled}
          onClick={async () => {
            const out = await clear.run({});
            if (out) onChange(out);
          }}
        >
          Forget it (run the installed release)
        </button>
      )}
      <ErrorNote error={use.error ?? clear.error} />
    </div>
  );
}
