import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, fireEvent } from '@testing-library/react';
import type { Sn2PreloadApi } from '../../../../core/contract/bridge.js';
import { electronTransport } from '../../transport/electron-transport.js';
import type { CoreTransport } from '../../transport/transport.js';
import { CoreProvider } from '../../state/core-context.js';
import { RegisterStep } from '../RegisterStep.js';
import { ECONOMICS_REPORT } from '../../testing/economics-report.js';

const COST = {
  netuid: 2,
  hotkey: '5CV8h5QQ5u4QWtcLFyQHdPCS7mb8LajyKcFT8MrLKY3Fu1bb',
  burnRao: '100000000',
  burnTao: 0.1,
  feeTao: 0.0001,
  balanceTao: 0.05,
};

const DECISION = {
  network: 'finney',
  netuid: 2,
  protocol: '2026',
  source: 'chain',
  servedMiners: 3,
  versionZero: 3,
  evidence: ['3 of 3 served miners have axon version 0 (the Rust sn2-miner)'],
};
const support = (canMine: boolean) => ({
  decision: DECISION,
  support: {
    protocol: '2026',
    canMine,
    checks: [],
    willWork: ['Practice (the built-in v10 devnet) works on this computer'],
    wontWork: canMine ? [] : ['mining the 2026 protocol: upstream publishes no Windows build of sn2-miner'],
    summary: canMine
      ? 'This computer can mine the 2026 protocol.'
      : 'This computer cannot mine the 2026 protocol: upstream publishes no Windows build of sn2-miner.',
  },
});

/** A core that answers the protocol guard, and every other command with the registration cost. */
function transport(kind: CoreTransport['kind'], canMine = true): CoreTransport {
  const preload: Sn2PreloadApi = {
    invoke: vi.fn(async (command: string) => ({
      ok: true,
      result:
        command === 'protocol.support'
          ? support(canMine)
          : command === 'economics.report'
            ? { network: 'finney', report: ECONOMICS_REPORT, me: null }
            : command === 'proofLog.list'
              ? []
              : COST,
    })),
    onEvent: () => () => undefined,
  };
  return { ...electronTransport(preload), kind };
}

const renderStep = (kind: CoreTransport['kind'], canMine = true) =>
  render(
    <CoreProvider transport={transport(kind, canMine)}>
      <RegisterStep onDone={() => undefined} />
    </CoreProvider>,
  );

describe('registration step', () => {
  afterEach(cleanup);

  it('offers a browser extension in the web UI only', async () => {
    const web = renderStep('web');
    expect(await screen.findByRole('tab', { name: 'Browser extension' })).toBeTruthy();
    web.unmount();
    renderStep('electron');
    await screen.findByTestId('burn-cost');
    expect(screen.queryByRole('tab', { name: 'Browser extension' })).toBeNull();
  });

  it('shows cost, fee and balance, and keeps Register off when the balance cannot pay', async () => {
    renderStep('electron');
    expect((await screen.findByTestId('burn-cost')).textContent).toContain('0.1');
    expect(screen.getByTestId('payer-balance').textContent).toContain('0.05');
    expect(screen.getByRole('status').textContent).toMatch(/balance is below the cost plus the fee/);
    fireEvent.click(screen.getByLabelText(/is burned and not refunded/));
    expect((screen.getByRole('button', { name: 'Register' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says whether this computer can mine the network before the cost', async () => {
    renderStep('electron');
    expect((await screen.findByTestId('protocol-guard')).textContent).toMatch(
      /finney netuid 2 speaks the 2026 protocol\. This computer can mine the 2026 protocol\./,
    );
    expect(await screen.findByTestId('burn-cost')).toBeTruthy();
  });

  it('needs a second, explicit confirmation where this computer cannot mine the network', async () => {
    renderStep('electron', false);
    expect((await screen.findByTestId('protocol-guard')).textContent).toMatch(
      /no Windows build of sn2-miner/,
    );
    expect(screen.queryByTestId('burn-cost')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Register' })).toBeNull();
    fireEvent.click(screen.getByLabelText(/cannot mine this network, and I still want to register/));
    expect(await screen.findByTestId('burn-cost')).toBeTruthy();
  });

  it('the "Should I mine here?" card names the same protocol answer as the guard', async () => {
    renderStep('electron', false);
    expect((await screen.findByTestId('econ-protocol')).textContent).toMatch(
      /2026 protocol: This computer cannot mine the 2026 protocol/,
    );
  });

  it('says what to do when no extension is installed', async () => {
    renderStep('web');
    fireEvent.click(await screen.findByRole('tab', { name: 'Browser extension' }));
    fireEvent.click(screen.getByRole('button', { name: 'Connect extension' }));
    expect((await screen.findByRole('alert', {}, { timeout: 5000 })).textContent).toMatch(
      /No wallet extension answered\. Install polkadot\{\.js\}, Talisman or SubWallet/,
    );
  });
});
