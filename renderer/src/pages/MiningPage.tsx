import { Card, Page } from '../components/Card.js';
import { RunControl } from '../components/RunControl.js';
import { ProofLogView } from '../components/ProofLogView.js';
import { LatencyChart } from '../components/LatencyChart.js';
import { StandingCard } from '../components/StandingCard.js';
import { DoctorCard } from '../components/DoctorCard.js';
import { RouterPortCard } from '../components/RouterPortCard.js';
import { useComponentStatus } from '../state/use-component-status.js';
import { useProofLog } from '../state/use-proof-log.js';
import { ErrorNote } from '../components/ErrorNote.js';
import { MetricsPanel } from '../components/MetricsPanel.js';
import { useMetrics } from '../state/use-metrics.js';
import { MyEconomicsPanel } from '../economics/MyEconomicsPanel.js';
import { ProtocolCard } from '../components/ProtocolCard.js';
import { RefusalsPanel } from '../components/RefusalsPanel.js';
import { useQuery } from '../state/use-query.js';
import { ProofVerdictNote } from '../components/ProofVerdictNote.js';

export function MiningPage() {
  const miner = useComponentStatus('miner');
  const log = useProofLog('miner');
  const verdicts = useProofLog('validator');
  const settings = useQuery('settings.get', {});
  const metrics = useMetrics();
  const axon = miner.status?.axon;
  return (
    <Page
      title="Mining"
      lead="Serve proof requests from Subnet 2 validators and earn incentive for fast, valid proofs."
    >
      <div className="grid-2">
        <Card title="Miner" id="miner">
          <ProtocolCard refreshKey={miner.state} />
          <RunControl control={miner} noun="mining" />
          {axon && (
            <p className="muted">
              Listening on {axon.host}:{axon.port}
              {axon.externalIp && <>, announced as {axon.externalIp}</>}
            </p>
          )}
        </Card>
        <DoctorCard title="Reachability and eligibility" />
      </div>
      <RouterPortCard />
      <StandingCard />
      <MyEconomicsPanel />
      <Card title="Latency per circuit" id="latency">
        <LatencyChart
          stats={miner.status?.stats ?? []}
          empty={
            miner.state === 'running'
              ? 'No proofs yet in this run: latency appears after the first one.'
              : 'Latency is measured while the miner runs, from its first proof; each start begins a new count.'
          }
        />
      </Card>
      <Card title="Requests" id="metrics">
        <MetricsPanel role="miner" snapshot={metrics.snapshot} error={metrics.error} />
      </Card>
      <Card title="Refused requests" id="refusals">
        <RefusalsPanel summary={miner.status?.refusals} running={miner.state === 'running'} />
      </Card>
      <Card title="Proof log" id="proof-log">
        <ErrorNote error={log.error} onRetry={log.reload} />
        <ProofLogView entries={log.entries} role="miner" />
        <ProofVerdictNote practice={settings.data?.network === 'practice'} verdicts={verdicts.entries} />
      </Card>
    </Page>
  );
}
