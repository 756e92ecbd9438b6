import type { ReactNode } from 'react';
import { useState } from 'react';
import type { QueryState } from '../../state/use-query.js';
import type { CommandOutput } from '../../../../core/contract/index.js';
import { ErrorNote } from '../../components/ErrorNote.js';
import { Loading } from '../../components/Card.js';

/**
 * Before any registration burns TAO: which protocol the network speaks and whether this computer can mine
 * it, in plain sentences. When it cannot (or the check itself failed), the registration form appears only
 * after a second, explicit confirmation: registering here is never one click.
 */
export function ProtocolGuard({
  support: q,
  children,
}: {
  /** The `protocol.support` query, shared with the "Should I mine here?" card above. */
  support: QueryState<CommandOutput<'protocol.support'>>;
  children: ReactNode;
}) {
  const [accepted, setAccepted] = useState(false);
  if (q.loading) return <Loading what="whether this computer can mine this network" />;
  const s = q.data?.support;
  const d = q.data?.decision;
  const blocked = !s || !s.canMine;
  return (
    <div className="protocol-guard">
      <ErrorNote error={q.error} onRetry={q.reload} />
      {s && d && (
        <div className={`note ${s.canMine ? 'note-ok' : 'note-warn'}`} data-testid="protocol-guard">
          <p>
            <strong>
              {d.network} netuid {d.netuid} speaks the {d.protocol} protocol.
            </strong>{' '}
            {s.summary}
          </p>
          <ul>
            {s.willWork.map((w) => (
              <li key={w}>✓ {w}</li>
            ))}
            {s.wontWork.map((w) => (
              <li key={w}>✗ {w}</li>
            ))}
          </ul>
        </div>
      )}
      {blocked && (
        <div className="check">
          <input
            id="r-unsupported"
            type="checkbox"
            checked={accepted}
            onChange={(e) => setAccepted(e.target.checked)}
          />
          <label htmlFor="r-unsupported">
            {s
              ? 'I understand this computer cannot mine this network, and I still want to register (e.g. to mine from another machine).'
              : 'The check could not run; I still want to register.'}
          </label>
        </div>
      )}
      {(!blocked || accepted) && children}
    </div>
  );
}
