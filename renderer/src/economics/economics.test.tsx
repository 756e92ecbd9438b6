import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { CoreProvider } from '../state/core-context.js';
import { Refusal, fakeCore, type Replies } from '../testing/fake-core.js';
import { ECONOMICS_REPORT } from '../testing/economics-report.js';
import { SETTINGS_VERSION, SettingsSchema } from '../../../core/contract/index.js';

const SETTINGS = (network: string) => () => SettingsSchema.parse({ version: SETTINGS_VERSION, network });
import { ShouldIMineCard } from './ShouldIMineCard.js';
import { MyEconomicsPanel } from './MyEconomicsPanel.js';

const ME = {
  hotkey: 'hot-6',
  uid: 6,
  emissionAlphaPerDay: 40,
  emissionTaoPerDay: 2,
  rankAmongMiners: 0.5,
  registeredAtBlock: 998_800,
  daysSinceRegistration: 1 / 6,
  paybackDays: 0.5,
  immunityBlocksLeft: 3800,
  immunityHoursLeft: 12.67,
};

const withCore = (replies: Replies, ui: React.ReactNode) =>
  render(<CoreProvider transport={fakeCore(replies).transport}>{ui}</CoreProvider>);

const report =
  (me: typeof ME | null = null) =>
  () => ({ network: 'finney', report: ECONOMICS_REPORT, me });

describe('Should I mine here?', () => {
  afterEach(cleanup);

  it('shows the figures with their basis, the payback range and the risks', async () => {
    withCore({ 'economics.report': report(), 'proofLog.list': () => [] }, <ShouldIMineCard />);
    expect((await screen.findByTestId('econ-miners-per-day')).textContent).toMatch(
      /2,952 α per day in total \(≈ τ 147\.6\)/,
    );
    expect(screen.getByTestId('econ-distribution').textContent).toBe(
      'p25 12.5 α · p50 35 α · p75 57.5 α · p90 84 α per day',
    );
    expect(screen.getByText(/10 miners, 8 earning, 2 at zero/)).toBeTruthy();
    expect(screen.getByTestId('econ-burn').textContent).toMatch(/τ 1 now \(τ 0\.5 – τ 100\)/);
    expect(screen.getByTestId('econ-payback').textContent).toMatch(/^p25 1\.6 days · p50 0\.6 days/);
    expect(screen.getByTestId('econ-immunity').textContent).toBe('5000 blocks ≈ 16.7 h');
    expect(screen.getByText(/Assumption: subtensor’s get_neuron_to_prune/)).toBeTruthy();
    expect(screen.getByTestId('econ-risks').textContent).toMatch(/2 of 10 miners earn nothing now/);
    expect(screen.getByTestId('econ-protocol').textContent).toMatch(/not checked yet/);
    expect(screen.getByTestId('econ-reachability').textContent).toMatch(/not checked yet/);
    expect(screen.getByTestId('econ-proof-time').textContent).toMatch(
      /not measured yet.*reference time is unknown/,
    );
  });

  it('shows the protocol check and this computer’s proof times when it has them', async () => {
    const entry = {
      id: 'a',
      at: 1,
      role: 'miner',
      route: 'QueryZkProof',
      circuitId: 'c1',
      circuitName: 'LeNet',
      validatorHotkey: 'v',
      status: 'verified',
      witnessMs: 1,
      proveMs: 1,
      verifyMs: 1,
      totalMs: 2400,
      inputBytes: 10,
      proofBytes: 1,
    };
    withCore(
      { 'economics.report': report(), 'proofLog.list': () => [entry] },
      <ShouldIMineCard
        protocolSupport={{
          protocol: '2026',
          canMine: false,
          checks: [],
          willWork: [],
          wontWork: ['no sn2-miner build for this platform'],
          summary: 'This computer cannot mine the 2026 protocol: no sn2-miner build for this platform.',
        }}
      />,
    );
    expect((await screen.findByTestId('econ-protocol')).textContent).toMatch(
      /2026 protocol: This computer cannot mine the 2026 protocol: no sn2-miner build/,
    );
    expect((await screen.findByTestId('econ-proof-time')).textContent).toMatch(
      /LeNet 2\.40 s \(median of 1 proofs/,
    );
  });

  it('a refused read shows why, not zeros', async () => {
    withCore(
      {
        'economics.report': () => {
          throw new Refusal({ code: 'failed', message: 'subnet 99 does not exist on this chain' });
        },
      },
      <ShouldIMineCard />,
    );
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /economics\.report failed: subnet 99 does not exist/,
    );
    expect(screen.queryByTestId('econ-distribution')).toBeNull();
  });
});

describe('earnings and payback on the Mining page', () => {
  afterEach(cleanup);

  it('compares my emission with the miners, days since registration with payback, immunity left', async () => {
    withCore({ 'economics.report': report(ME), 'settings.get': SETTINGS('finney') }, <MyEconomicsPanel />);
    const me = await screen.findByTestId('econ-me');
    expect(me.textContent).toMatch(/40 α per day \(≈ τ 2\)/);
    expect(me.textContent).toMatch(/More than 50 % of the 10 miners/);
    expect(me.textContent).toMatch(
      /Registered 0\.2 days ago \(block 998800\); payback at this rate: 0\.5 days/,
    );
    expect(me.textContent).toMatch(/3800 blocks ≈ 12\.7 h left/);
  });

  it('says when the hotkey is not registered', async () => {
    withCore({ 'economics.report': report(), 'settings.get': SETTINGS('finney') }, <MyEconomicsPanel />);
    expect((await screen.findByTestId('econ-not-registered')).textContent).toMatch(
      /not registered on subnet 2/,
    );
  });

  it('explains that Practice earns nothing instead of asking the chain', async () => {
    const core = fakeCore({ 'settings.get': SETTINGS('practice') });
    render(
      <CoreProvider transport={core.transport}>
        <MyEconomicsPanel />
      </CoreProvider>,
    );
    expect((await screen.findByTestId('econ-practice')).textContent).toMatch(/nothing is earned or burned/);
    expect(core.calls.map((c) => c.command)).not.toContain('economics.report');
  });
});
