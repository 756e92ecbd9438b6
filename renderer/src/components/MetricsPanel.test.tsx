import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MetricSnapshotSchema, type MetricSnapshot } from '../../../core/contract/index.js';
import { MetricsPanel } from './MetricsPanel.js';

afterEach(cleanup);

// The shape `Sn2Metrics.snapshot()` returns (checked against the contract below); the summaries
// themselves are tested against a real registry in tests/unit/ui/metrics-summary.test.ts.
const snapshot: MetricSnapshot[] = MetricSnapshotSchema.array().parse([
  {
    name: 'sn2_requests_total',
    help: 'h',
    type: 'counter',
    values: [
      { labels: { role: 'validator', route: 'QueryZkProof', status: 'verified' }, value: 7 },
      { labels: { role: 'validator', route: 'QueryZkProof', status: 'timeout' }, value: 2 },
      { labels: { role: 'miner', route: 'QueryZkProof', status: 'verified' }, value: 40 },
    ],
  },
  {
    name: 'sn2_verifications_total',
    help: 'h',
    type: 'counter',
    values: [
      { labels: { circuit: 'LSTM', outcome: 'verified' }, value: 7 },
      { labels: { circuit: 'LSTM', outcome: 'timeout' }, value: 2 },
    ],
  },
]);

describe('MetricsPanel', () => {
  it('shows a validator its requests per outcome and the verification outcomes per circuit', () => {
    render(<MetricsPanel role="validator" snapshot={snapshot} error={undefined} />);
    const [requests, verdicts] = screen.getAllByRole('table');
    const rows = within(requests).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['QueryZkProofverified7', 'QueryZkProoftimeout2']);
    const lstm = within(verdicts).getByRole('row', { name: /LSTM/ });
    expect([...lstm.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      'LSTM',
      '7',
      '0',
      '0',
      '2',
      '0',
      '9',
    ]);
  });

  it("shows a miner only its own requests, without the validator's verdict table", () => {
    render(<MetricsPanel role="miner" snapshot={snapshot} error={undefined} />);
    expect(screen.getAllByRole('table')).toHaveLength(1);
    expect(screen.getByRole('row', { name: /verified/ }).textContent).toBe('QueryZkProofverified40');
    expect(screen.queryByText('Verification outcomes per circuit')).toBeNull();
  });

  it('shows the core error when the snapshot cannot be read', () => {
    render(<MetricsPanel role="miner" snapshot={undefined} error={new Error('core gone')} />);
    expect(screen.getByRole('alert').textContent).toMatch(/core gone/);
  });
});
