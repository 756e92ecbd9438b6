import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, fireEvent } from '@testing-library/react';
import type { Sn2PreloadApi } from '../../../../core/contract/bridge.js';
import { electronTransport } from '../../transport/electron-transport.js';
import type { CoreTransport } from '../../transport/transport.js';
import { CoreProvider } from '../../state/core-context.js';
import { RegisterStep } from '../RegisterStep.js';

const COST = {
  netuid: 2,
  hotkey: '5CV8h5QQ5u4QWtcLFyQHdPCS7mb8LajyKcFT8MrLKY3Fu1bb',
  burnRao: '100000000',
  burnTao: 0.1,
  feeTao: 0.0001,
  balanceTao: 0.05,
};

/** A core that answers every command with the registration cost (the only query these screens make). */
function transport(kind: CoreTransport['kind']): CoreTransport {
  const preload: Sn2PreloadApi = {
    invoke: vi.fn(async () => ({ ok: true, result: COST })),
    onEvent: () => () => undefined,
  };
  return { ...electronTransport(preload), kind };
}

const renderStep = (kind: CoreTransport['kind']) =>
  render(
    <CoreProvider transport={transport(kind)}>
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

  it('says what to do when no extension is installed', async () => {
    renderStep('web');
    fireEvent.click(await screen.findByRole('tab', { name: 'Browser extension' }));
    fireEvent.click(screen.getByRole('button', { name: 'Connect extension' }));
    expect((await screen.findByRole('alert', {}, { timeout: 5000 })).textContent).toMatch(
      /No wallet extension answered\. Install polkadot\{\.js\}, Talisman or SubWallet/,
    );
  });
});
