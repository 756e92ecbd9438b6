import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { RefusalSummary } from '../../../core/contract/index.js';
import { CoreProvider } from '../state/core-context.js';
import { useComponentStatus } from '../state/use-component-status.js';
import { fakeCore } from '../testing/fake-core.js';
import { RefusalsPanel } from './RefusalsPanel.js';

afterEach(cleanup);

/** The Mining page's wiring: miner.status on mount, then `refusals` events. */
function MinerRefusals() {
  const miner = useComponentStatus('miner');
  return <RefusalsPanel summary={miner.status?.refusals} running={miner.state === 'running'} />;
}

const summary: RefusalSummary = {
  since: Date.UTC(2026, 11, 6, 10, 0),
  total: 42,
  byReason: { blacklisted: 40, 'stale-nonce': 1, 'internal-error': 1 },
  topCallers: [
    {
      caller: '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty',
      reason: 'blacklisted',
      count: 40,
      lastAt: 0,
      lastMessage: 'Forbidden. Key is blacklisted: Stake below minimum.',
    },
  ],
  recentErrors: [{ id: 'a1b2', at: Date.UTC(2026, 11, 6, 10, 5), message: 'prover crashed' }],
};

describe('Refused requests on the Mining page', () => {
  it('explains the zero instead of showing an empty table', async () => {
    const core = fakeCore({
      'miner.status': () => ({ state: 'running', since: 1, stats: [], inFlight: 0 }),
    });
    render(
      <CoreProvider transport={core.transport}>
        <MinerRefusals />
      </CoreProvider>,
    );
    expect((await screen.findByTestId('refusals-empty')).textContent).toMatch(
      /No request refused since the miner started/,
    );
  });

  it('shows the refusals of a refusals event: reasons explained, callers, error ids', async () => {
    const core = fakeCore({
      'miner.status': () => ({ state: 'running', since: 1, stats: [], inFlight: 0 }),
    });
    render(
      <CoreProvider transport={core.transport}>
        <MinerRefusals />
      </CoreProvider>,
    );
    await screen.findByTestId('refusals-empty');
    core.push({ type: 'refusals', summary });
    const panel = await screen.findByTestId('refusals');
    expect(panel.textContent).toContain('42 requests refused');
    expect(panel.textContent).toContain(
      'blacklisted (not registered, stake below the minimum, or no validator permit)40',
    );
    expect(panel.textContent).toContain('stale nonce (a clock is off');
    expect(panel.textContent).toContain('Forbidden. Key is blacklisted: Stake below minimum.');
    expect(panel.textContent).toContain('#a1b2');
    expect(panel.textContent).toContain('prover crashed');
  });
});
