import { CoreCallError } from '../transport/transport.js';

/** What to try, per bridge error code, under the core's own message. */
const HINTS: Record<string, string> = {
  unavailable: 'This part of the core is not in this build yet.',
  unauthorized: 'Open the link printed by "sn2 ui" again.',
};

/** Shows a failed command plainly: the core's message as-is, with a hint where one helps. */
export function ErrorNote({ error, onRetry }: { error: Error | undefined; onRetry?: () => void }) {
  if (!error) return null;
  const hint = error instanceof CoreCallError ? HINTS[error.code] : undefined;
  const what = error instanceof CoreCallError ? `${error.command} failed` : 'Something failed';
  return (
    <div className="note note-error" role="alert">
      <strong>{what}:</strong> {error.message}
      {hint && <div className="note-hint">{hint}</div>}
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
