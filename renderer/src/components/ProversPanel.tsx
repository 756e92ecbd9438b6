import type { ProversReport } from '../../../core/contract/index.js';
import { Card, Loading } from './Card.js';
import { ErrorNote } from './ErrorNote.js';
import { useQuery } from '../state/use-query.js';
import { useAction } from '../state/use-action.js';
import { formatMs } from '../format.js';

const SOURCES: Record<string, string> = {
  'built-in': 'built in',
  settings: 'your path',
  data: 'data folder',
  bundled: 'bundled with the app',
  PATH: 'PATH',
};

/** The provers on this machine, their measured proof times per circuit, and which one each circuit uses. */
export function ProversPanel() {
  const report = useQuery('provers.list', {});
  const measure = useAction('provers.list');
  const r: ProversReport | undefined = report.data;

  return (
    <Card
      title="Provers"
      id="provers"
      actions={
        <button
          type="button"
          className="btn"
          disabled={measure.pending}
          onClick={async () => {
            const out = await measure.run({ measure: true });
            if (out) report.set(() => out);
          }}
        >
          {measure.pending ? 'Measuring…' : 'Measure again'}
        </button>
      }
    >
      <p className="muted">
        Each circuit is proven with the fastest prover measured on this computer; snarkjs is always there as
        the fallback. A native prover is used only after it proved a known circuit correctly.
      </p>
      <ErrorNote error={report.error ?? measure.error} onRetry={report.reload} />
      {report.loading && !r && <Loading what="provers" />}
      {r && (
        <>
          <ul className="checks" data-testid="provers">
            {r.provers.map((p) => (
              <li key={p.name} className={p.usable ? 'check-ok' : 'check-fail'}>
                <span aria-hidden="true">{p.usable ? '✓' : '✗'}</span> <strong>{p.name}</strong>{' '}
                {p.usable
                  ? `${p.source ? SOURCES[p.source] : ''}${p.path ? ` (${p.path})` : ''}`
                  : (p.reason ?? 'not usable')}
              </li>
            ))}
          </ul>
          {r.times.length === 0 ? (
            <p className="note">
              No proof times yet: they are measured when the miner starts, or with “Measure again”. Until then
              native provers are tried first.
            </p>
          ) : (
            <table className="table" data-testid="prover-times">
              <thead>
                <tr>
                  <th scope="col">Circuit</th>
                  <th scope="col">Prover</th>
                  <th scope="col">Proof time</th>
                  <th scope="col">Used</th>
                </tr>
              </thead>
              <tbody>
                {r.times.map((t) => (
                  <tr key={`${t.circuitId}:${t.prover}`}>
                    <td>{t.circuitName}</td>
                    <td>{t.prover}</td>
                    <td className={t.error ? 'text-error' : undefined}>
                      {t.error ? `failed: ${t.error}` : formatMs(t.ms)}
                    </td>
                    <td>{t.chosen ? 'yes' : t.demoted ? `no (${t.demoted})` : 'no'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </Card>
  );
}
