import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { SettingsSchema } from '../../../core/contract/index.js';
import { CoreProvider } from '../state/core-context.js';
import { fakeCore } from '../testing/fake-core.js';
import { RouterPortCard } from './RouterPortCard.js';

afterEach(cleanup);

describe('RouterPortCard', () => {
  it('opens the router port only after the user agrees, and shows what the router said', async () => {
    let settings = SettingsSchema.parse({ version: 1, network: 'finney' });
    let mapping = { state: 'off', message: 'no port is mapped on the router' };
    const core = fakeCore({
      'settings.get': () => settings,
      'settings.update': (patch) => {
        settings = SettingsSchema.parse({
          ...settings,
          axon: { ...settings.axon, ...(patch as { axon: object }).axon },
        });
        return settings;
      },
      'portMapping.status': () => mapping,
      'portMapping.open': () =>
        (mapping = {
          state: 'mapped',
          message: 'the router (NAT-PMP at 192.168.1.1) forwards UDP 198.51.100.20:8091 to 192.168.1.20:8091',
        }),
      'portMapping.close': () =>
        (mapping = {
          state: 'off',
          message: 'removed the UDP 8091 mapping (NAT-PMP at 192.168.1.1; the router confirmed)',
        }),
    });
    render(
      <CoreProvider transport={core.transport}>
        <RouterPortCard />
      </CoreProvider>,
    );
    const button = await screen.findByRole('button', { name: 'Open the port on my router' });
    expect(screen.getByText(/Validators reach the miner over UDP port 8091/)).toBeTruthy();
    expect((button as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(
      screen.getByRole('checkbox', { name: /I agree: open UDP 8091 on my router while mining/ }),
    );
    fireEvent.click(button);
    await screen.findByText(/forwards UDP 198\.51\.100\.20:8091 to 192\.168\.1\.20:8091/);
    expect(core.calls.map((c) => c.command)).toEqual(
      expect.arrayContaining(['settings.update', 'portMapping.open']),
    );
    expect(core.calls.find((c) => c.command === 'settings.update')?.input).toEqual({
      axon: { openRouterPort: true },
    });

    fireEvent.click(await screen.findByRole('button', { name: 'Remove the port from my router' }));
    await screen.findByText(/removed the UDP 8091 mapping/);
    await waitFor(() => expect(settings.axon.openRouterPort).toBe(false));
  });

  it('is not shown for the Practice network, which no validator reaches from the Internet', async () => {
    const core = fakeCore({
      'settings.get': () => SettingsSchema.parse({ version: 1, network: 'practice' }),
      'portMapping.status': () => ({ state: 'off', message: 'no port is mapped on the router' }),
    });
    const { container } = render(
      <CoreProvider transport={core.transport}>
        <RouterPortCard />
      </CoreProvider>,
    );
    await waitFor(() => expect(core.calls.some((c) => c.command === 'settings.get')).toBe(true));
    await new Promise((r) => setTimeout(r, 50));
    expect(container.textContent).toBe('');
  });
});
