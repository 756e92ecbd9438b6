import type { ProtocolSupport } from '../../../core/contract/index.js';
import { circuitStats } from '../../../core/contract/proof-log-stats.js';
import { useQuery } from '../state/use-query.js';
import { ErrorNote } from '../components/ErrorNote.js';
import { Loading } from '../components/Card.js';
import { formatMs } from '../format.js';
import { EconomicsFigures } from './EconomicsFigures.js';

/** The reachability check's result where the caller has one (the Mining page's doctor). */
export interface Reachability {
  ok: boolean;
  message: string;
}

/**
 * "Should I mine here?": what mining the subnet pays, the burn, the payback range and the risks, before
 * the user confirms a registration. It informs; it never blocks. `protocolSupport` comes from the
 * 2026-protocol detection; absent, the card says it was not checked.
 */
export function ShouldIMineCard({
  protocolSupport,
  reachability,
}: {
  protocolSupport?: ProtocolSupport;
  reachability?: Reachability;
}) {
  const economics = useQuery('economics.report', {});
  const proofs = useQuery('proofLog.list', { limit: 500 });
  const r = economics.data?.report;
  const measured = circuitStats(proofs.data ?? []).filter((s) => s.successRate > 0);

  return (
    <section className="card should-i-mine" aria-labelledby="should-i-mine-title" data-testid="should-i-mine">
      <header className="card-header">
        <h2 id="should-i-mine-title">Should I mine here?</h2>
      </header>
      <ErrorNote error={economics.error} onRetry={economics.reload} />
      {economics.loading && <Loading what="what mining this subnet pays" />}
      {r && (
        <>
          <p className="muted small">
            Subnet {r.netuid} on {economics.data?.network}, read from the chain at block {r.block}. Ranges,
            not promises: they are today’s emission, prices and ranks.
          </p>
          <EconomicsFigures report={r} />
          <h3>Risks</h3>
          <ul className="risks" data-testid="econ-risks">
            {r.risks.map((risk) => (
              <li key={risk}>{risk}</li>
            ))}
            <li>{r.warmUp.basis}</li>
            <li data-testid="econ-reachability">
              Reachability:{' '}
              {reachability
                ? `${reachability.ok ? 'reachable' : 'not reachable'} (${reachability.message})`
                : 'not checked yet (the Mining page checks it)'}
            </li>
            <li data-testid="econ-protocol">
              Protocol:{' '}
              {protocolSupport
                ? `${protocolSupport.protocol} protocol: ${protocolSupport.summary}`
                : 'whether this computer can mine the network’s protocol is not checked yet'}
            </li>
            <li data-testid="econ-proof-time">
              Your proof time:{' '}
              {measured.length > 0
                ? measured
                    .map(
                      (s) =>
                        `${s.circuitName} ${formatMs(s.p50Ms)} (median of ${s.count} proofs on this computer)`,
                    )
                    .join(', ')
                : 'not measured yet (run Practice or the Hardware benchmark)'}
              ; the network’s reference time is unknown (validators keep it, it is not on chain).
            </li>
          </ul>
        </>
      )}
    </section>
  );
}
