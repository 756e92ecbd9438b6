import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { SettingsSchema, type UpdateState } from '../../../core/contract/index.js';
import { fakeCore, type Replies } from '../testing/fake-core.js';
import { CoreProvider } from '../state/core-context.js';
import { SettingsPage } from './SettingsPage.js';

afterEach(cleanup);

const settings = SettingsSchema.parse({ version: 1 });
const baseReplies = (update: UpdateState): Replies => ({
  'settings.get': () => settings,
  'app.info': () => ({ version: '0.1.0', dataDir: '/home/u/.sn2', platform: 'linux', arch: 'x64' }),
  'update.status': () => update,
});

function renderSettings(replies: Replies) {
  const core = fakeCore(replies);
  render(
    <CoreProvider transport={core.transport}>
      <SettingsPage />
    </CoreProvider>,
  );
  return core;
}

describe('Settings: validator services', () => {
  it('are off by default, explain what each exposes, and save all three switches in one update', async () => {
    let saved: unknown;
    const core = renderSettings({
      ...baseReplies({ kind: 'idle' }),
      'settings.update': (patch) => {
        saved = patch;
        return settings;
      },
    });
    const api = await screen.findByLabelText('Serve the external API');
    expect(api).toHaveProperty('checked', false);
    expect(screen.getByLabelText('External API (TCP)')).toHaveProperty('disabled', true);
    expect(screen.getByText(/all network interfaces/)).toBeTruthy();
    expect(screen.getByText(/stays on this computer \(127\.0\.0\.1\)/)).toBeTruthy();

    fireEvent.click(api);
    fireEvent.change(screen.getByLabelText('External API (TCP)'), { target: { value: '9443' } });
    fireEvent.change(screen.getByLabelText('Whitelisted public keys'), {
      target: { value: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\n\n 0xabc , 0xdef\n' },
    });
    fireEvent.click(screen.getByLabelText('Serve Prometheus metrics'));
    fireEvent.change(screen.getByLabelText('Metrics (TCP)'), { target: { value: '9100' } });
    fireEvent.click(screen.getByLabelText('Publish verified proofs'));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved.');

    expect(saved).toMatchObject({
      validator: {
        externalApi: {
          enabled: true,
          port: 9443,
          whitelistedPublicKeys: ['5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY', '0xabc', '0xdef'],
        },
        prometheus: { enabled: true, host: '127.0.0.1', port: 9100 },
        // An empty URL is sent as null so the core clears a previous one.
        proofPublishing: { enabled: true, url: null },
      },
    });
    expect(core.calls.filter((c) => c.command === 'settings.update')).toHaveLength(1);
  });

  it('warns before metrics are bound to an address other machines can reach', async () => {
    renderSettings(baseReplies({ kind: 'idle' }));
    fireEvent.click(await screen.findByLabelText('Serve Prometheus metrics'));
    expect(screen.queryByTestId('remote-metrics-warning')).toBeNull();
    fireEvent.change(screen.getByLabelText('Metrics host'), { target: { value: '0.0.0.0' } });
    expect(screen.getByTestId('remote-metrics-warning').textContent).toMatch(/reachable from other machines/);
  });
});

describe('Settings: updates', () => {
  it('show why there are no automatic updates in the web UI, with no buttons', async () => {
    renderSettings(baseReplies({ kind: 'unsupported', reason: 'this build has no self-updater' }));
    const panel = await screen.findByTestId('update-panel');
    expect(panel.textContent).toMatch(/not available here: this build has no self-updater/);
    expect(screen.queryByRole('button', { name: 'Restart to update' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Check for updates' })).toBeNull();
  });

  it('follow update events live, and show why a restart was refused', async () => {
    const restart = vi.fn(() => ({
      restarted: false,
      reason: '2 proof(s) in flight: try again when they are done',
    }));
    const core = renderSettings({ ...baseReplies({ kind: 'idle' }), 'update.restart': restart });
    await screen.findByText('Up to date on the stable channel.');

    core.push({ type: 'update', state: { kind: 'downloading', version: '0.2.0', percent: 42.7 } });
    expect(screen.getByText('Downloading 0.2.0: 42 %')).toBeTruthy();
    expect(screen.getByLabelText('Update download progress')).toHaveProperty('value', 42.7);

    core.push({ type: 'update', state: { kind: 'ready', version: '0.2.0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Restart to update' }));
    await waitFor(() => expect(restart).toHaveBeenCalledOnce());
    expect(await screen.findByText(/Not restarted: 2 proof\(s\) in flight/)).toBeTruthy();
  });

  it('check for updates on request and show the state the check ends in', async () => {
    const core = renderSettings({
      ...baseReplies({ kind: 'error', message: 'net::ERR_INTERNET_DISCONNECTED' }),
      'update.check': () => ({ kind: 'idle' }),
    });
    await screen.findByText(/last update check failed: net::ERR_INTERNET_DISCONNECTED/);
    fireEvent.click(screen.getByRole('button', { name: 'Check for updates' }));
    await screen.findByText('Up to date on the stable channel.');
    expect(core.calls.map((c) => c.command)).toContain('update.check');
  });
});
