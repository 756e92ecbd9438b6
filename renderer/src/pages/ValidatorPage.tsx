import { useState } from 'react';
import type { CoreEvent } from '../../../core/contract/index.js';
import { Card, Page } from '../components/Card.js';
import { RunControl } from '../components/RunControl.js';
import { ProofLogView } from '../components/ProofLogView.js';
import { LatencyChart } from '../components/LatencyChart.js';
import { StandingCard } from '../components/StandingCard.js';
import { ErrorNote } from '../components/ErrorNote.js';
import { MetricsPanel } from '../components/MetricsPanel.js';
import { validatorLatencyStats } from '../components/metrics-summary.js';
import { useMetrics } from '../state/use-metrics.js';
import { useComponentStatus } from '../state/use-component-status.js';
import { useProofLog } from '../state/use-proof-log.js';
import { useCoreEvent } from '../state/use-core-events.js';
import { formatTime } from '../format.js';

type WeightsEvent = Extract<CoreEvent, { type: 'weights' }> & { at: number };

export function ValidatorPage() {
  const validator = useComponentStatus('validator');
  const log = useProofLog('validator');
  const metrics = useMetrics();
  const [weights, setWeights] = useState<WeightsEvent[]>([]);
  useCoreEvent('weights', (event) =>
    setWeights((prev) => [{ ...event, at: Date.now() }, ...prev].slice(0, 50)),
  );
  return (
    <Page
      title="Validator"
      lead="Query miners with proof requests, verify every proof, score them and set weights on chain."
    >
      <Card title="Validator" id="validator">
        <RunControl control={validator} noun="validating" />
      </Card>
      <StandingCard />
      <Card title="Weight updates" id="weights">
        {weights.length === 0 ? (
          <p className="empty">No weight updates since this page opened.</p>
        ) : (
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Method</th>
                <th scope="col">Result</th>
                <th scope="col">Block</th>
                <th scope="col">Miners</th>
              </tr>
            </thead>
            <tbody>
              {weights.map((w, i) => (
                <tr key={`${w.at}-${i}`}>
                  <td>{formatTime(w.at)}</td>
                  <td>{w.method}</td>
                  <td className={w.ok ? undefined : 'text-error'}>{w.ok ? 'ok' : (w.detail ?? 'failed')}</td>
                  <td>{w.block ?? '—'}</td>
                  <td>{w.uids.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <Card title="Miner latency per circuit" id="latency">
        <LatencyChart
          stats={metrics.snapshot ? validatorLatencyStats(metrics.snapshot) : []}
          caption="Bar: median (p50) miner response time, estimated from the metrics histogram; whisker: p95; verified: share of responses whose proof verified."
        />
      </Card>
      <Card title="Requests and verification outcomes" id="metrics">
        <MetricsPanel role="validator" snapshot={metrics.snapshot} error={metrics.error} />
      </Card>
      <Card title="Verified responses" id="proof-log">
        <ErrorNote error={log.error} onRetry={log.reload} />
        <ProofLogView entries={log.entries} role="validator" />
      </Card>
    </Page>
  );
}
