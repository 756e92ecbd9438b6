import { useEffect, useRef } from 'react';
import type { ProofLogEntry } from '../../../core/contract/index.js';
import { formatBytes, formatDateTime, formatMs } from '../format.js';

/** The details drawer of one proof: a modal dialog (focus kept inside, Esc closes). */
export function ProofDetails({ entry, onClose }: { entry: ProofLogEntry; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open && typeof dialog.showModal === 'function') dialog.showModal();
  }, []);
  const rows: Array<[string, string | undefined]> = [
    ['Time', formatDateTime(entry.at)],
    ['Status', entry.status],
    ['Error', entry.error],
    ['Circuit', `${entry.circuitName} (${entry.circuitId})`],
    ['Route', entry.route],
    ['Prover', entry.prover],
    [
      'Validator',
      entry.validatorHotkey &&
        `${entry.validatorHotkey}${entry.validatorUid !== undefined ? ` (uid ${entry.validatorUid})` : ''}`,
    ],
    [
      'Miner',
      entry.minerHotkey &&
        `${entry.minerHotkey}${entry.minerUid !== undefined ? ` (uid ${entry.minerUid})` : ''}`,
    ],
    ['Input', formatBytes(entry.inputBytes)],
    ['Witness', entry.witnessMs !== undefined ? formatMs(entry.witnessMs) : undefined],
    ['Prove', entry.proveMs !== undefined ? formatMs(entry.proveMs) : undefined],
    ['Verify', entry.verifyMs !== undefined ? formatMs(entry.verifyMs) : undefined],
    ['Total', formatMs(entry.totalMs)],
    ['Proof size', entry.proofBytes !== undefined ? formatBytes(entry.proofBytes) : undefined],
    ['Id', entry.id],
  ];
  return (
    <dialog ref={ref} className="drawer" aria-labelledby="proof-details-title" onClose={onClose}>
      <header className="card-header">
        <h2 id="proof-details-title">Proof details</h2>
        <button type="button" className="btn btn-small" onClick={onClose} autoFocus>
          Close
        </button>
      </header>
      <dl className="details">
        {rows
          .filter(([, v]) => v !== undefined && v !== '')
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd className={k === 'Error' ? 'text-error' : undefined}>{v}</dd>
            </div>
          ))}
      </dl>
    </dialog>
  );
}
