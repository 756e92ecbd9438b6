import { useQuery } from '../state/use-query.js';
import { ErrorNote } from './ErrorNote.js';
import { Loading } from './Card.js';

const HOW: Record<'v10' | '2026', string> = {
  v10: 'The app’s own miner serves validators over the bittensor axon (HTTP on the TCP port).',
  '2026':
    'The app runs and supervises the official sn2-miner; validators reach it over QUIC on the UDP port, and its proofs appear below like any other.',
};

/** Which protocol this network speaks, why the app thinks so, and how it mines it. */
export function ProtocolCard({ refreshKey }: { refreshKey: string }) {
  const q = useQuery('protocol.detect', {}, refreshKey);
  if (q.loading) return <Loading what="which protocol this network speaks" />;
  const d = q.data;
  return (
    <div className="protocol" data-testid="protocol">
      <ErrorNote error={q.error} onRetry={q.reload} />
      {d && (
        <>
          <p>
            Protocol: <strong data-testid="protocol-name">{d.protocol}</strong>{' '}
            <span className="muted">
              (
              {d.source === 'override'
                ? 'set in Settings'
                : d.source === 'chain'
                  ? 'read from the chain'
                  : d.source === 'practice'
                    ? 'Practice'
                    : 'no deciding evidence on chain: the network’s default'}
              )
            </span>
          </p>
          <p className="muted small">{HOW[d.protocol]}</p>
          <details>
            <summary>Evidence</summary>
            <ul>
              {d.evidence.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </details>
        </>
      )}
    </div>
  );
}
