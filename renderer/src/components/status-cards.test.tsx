import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { SettingsSchema, type Network } from '../../../core/contract/index.js';
import { CoreProvider } from '../state/core-context.js';
import { fakeCore, Refusal, type Replies } from '../testing/fake-core.js';
import { DoctorCard } from './DoctorCard.js';
import { StandingCard } from './StandingCard.js';

afterEach(cleanup);

function renderWith(ui: React.ReactNode, replies: Replies) {
  const core = fakeCore(replies);
  render(<CoreProvider transport={core.transport}>{ui}</CoreProvider>);
  return core;
}

const practiceSkip = (id: string) => ({
  id,
  ok: false,
  skipped: true,
  message: 'the Practice network is a local devnet; these checks apply to testnet and mainnet',
  fix: 'pick Testnet or Mainnet in Settings to check them',
});

describe('DoctorCard', () => {
  const checks = [
    { id: 'axon-local', ok: false, message: 'nothing answers on port 8091', fix: 'start mining first' },
    { id: 'circuits', ok: true, message: '6 of 6 circuits have their files' },
    practiceSkip('registration'),
    practiceSkip('axon-chain'),
    practiceSkip('clock'),
  ];

  it('names each check, and shows checks that could not run once, as not checked rather than failed', async () => {
    renderWith(<DoctorCard />, { 'doctor.run': () => ({ checks }) });
    const items = await screen.findAllByRole('listitem');
    expect(items.map((li) => [li.className, li.textContent])).toEqual([
      ['check-fail', '✗Failed: Axon on this computer: nothing answers on port 8091Try: start mining first'],
      ['check-ok', '✓Passed: Circuit files: 6 of 6 circuits have their files'],
      [
        'check-not-run',
        '– Registration, Axon on chain, Clock: not checked, the Practice network is a local devnet; ' +
          'these checks apply to testnet and mainnetTry: pick Testnet or Mainnet in Settings to check them',
      ],
    ]);
  });

  it('checks again when the miner has started or stopped, not on the way', async () => {
    const core = renderWith(<DoctorCard />, { 'doctor.run': () => ({ checks }) });
    await screen.findAllByRole('listitem');
    const runs = () => core.calls.filter((c) => c.command === 'doctor.run').length;
    expect(runs()).toBe(1);
    core.push({ type: 'status', component: 'miner', state: 'starting', at: 1 });
    core.push({ type: 'status', component: 'validator', state: 'running', at: 2 });
    expect(runs()).toBe(1);
    core.push({ type: 'status', component: 'miner', state: 'running', at: 3 });
    await waitFor(() => expect(runs()).toBe(2));
  });
});

describe('StandingCard', () => {
  const refusal = () => {
    throw new Refusal({
      code: 'invalid-input',
      message: 'network "practice" runs a local devnet: start it with "sn2 devnet" and use its endpoint',
    });
  };
  const replies = (network: Network): Replies => ({
    'settings.get': () => SettingsSchema.parse({ version: 1, network }),
    'chain.standing': refusal,
  });

  it('on Practice, explains that the chain exists only while mining instead of showing the refusal', async () => {
    const core = renderWith(<StandingCard />, replies('practice'));
    const note = await screen.findByTestId('standing-practice');
    expect(note.textContent).toMatch(/no standing to show yet: it appears here, live, once mining starts/);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Refresh' })).toBeNull();

    core.push({
      type: 'standing',
      standing: {
        network: 'practice',
        netuid: 2,
        hotkey: '5DkwXuJ8sDzx5yqX1ZbH4tQ1ZcVf5kW3D2A7Z4o4ixASa6',
        registered: true,
        uid: 1,
        incentive: 0,
        explanations: ['incentive is 0: not queried by any validator yet'],
      },
    });
    expect(note.textContent).toMatch(/figures come live from the current or latest mining run/);
    expect(screen.getByText('incentive is 0: not queried by any validator yet')).toBeTruthy();
  });

  it('elsewhere, shows why the lookup failed with a way to try again', async () => {
    renderWith(<StandingCard />, replies('test'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/chain\.standing failed/);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(screen.queryByTestId('standing-practice')).toBeNull();
  });
});
