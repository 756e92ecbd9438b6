import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { SettingsSchema } from '../../../core/contract/index.js';
import { CoreProvider } from '../state/core-context.js';
import { fakeCore, Refusal, type Replies } from '../testing/fake-core.js';
import { fieldErrorsFrom } from '../components/settings-field-errors.js';
import { SettingsPage } from './SettingsPage.js';

afterEach(cleanup);

const settings = SettingsSchema.parse({ version: 1 });
const replies = (update: Replies[string]): Replies => ({
  'settings.get': () => settings,
  'app.info': () => ({ version: '0.1.0', dataDir: '/home/u/.sn2', platform: 'linux', arch: 'x64' }),
  'update.status': () => ({ kind: 'idle' }),
  'provers.ezklStatus': () => ({
    version: '22.0.1',
    installed: true,
    path: '/home/u/.sn2/bin/ezkl',
    platform: 'linux-x64',
    installable: true,
  }),
  'engine.status': () => ({
    platform: 'linux-x64',
    supported: true,
    asset: 'sn2-miner-linux-x86_64',
    selected: null,
  }),
  'settings.update': update,
});

function renderSettings(update: Replies[string]) {
  const core = fakeCore(replies(update));
  render(
    <CoreProvider transport={core.transport}>
      <SettingsPage />
    </CoreProvider>,
  );
  return core;
}

describe('Settings: saving', () => {
  it('says there are unsaved changes, then that they are saved', async () => {
    renderSettings(() => settings);
    fireEvent.change(await screen.findByLabelText('Wallet name'), { target: { value: 'miner' } });
    expect(screen.getByText('Unsaved changes.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved.');
    expect(screen.queryByText('Unsaved changes.')).toBeNull();
  });

  it('shows a refusal at the Save button and under each field the core names, and focuses the first', async () => {
    renderSettings(() => {
      throw new Refusal({
        code: 'invalid-input',
        message:
          'invalid input for settings.update: axon.port: Too small: expected number to be >=1025; chainEndpoint: must be a ws:// or wss:// URL',
        issues: [
          { path: 'axon.port', message: 'Too small: expected number to be >=1025' },
          { path: 'chainEndpoint', message: 'must be a ws:// or wss:// URL' },
        ],
      });
    });
    fireEvent.change(await screen.findByLabelText('Hotkey'), { target: { value: 'hot' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/settings\.update failed:.*axon\.port/);
    expect(screen.getByText(/Nothing was saved: the fields marked below say what to change/)).toBeTruthy();

    const port = screen.getByLabelText('Port');
    expect(port.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(port.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Too small: expected number to be >=1025',
    );
    const endpoint = screen.getByLabelText('Chain endpoint');
    expect(endpoint.getAttribute('aria-invalid')).toBe('true');
    // Chain endpoint comes first on the page.
    await waitFor(() => expect(document.activeElement).toBe(endpoint));
    expect(screen.getByLabelText('Wallet name').getAttribute('aria-invalid')).toBeNull();
  });
});

describe('Settings: mine only while idle', () => {
  it('offers the idle threshold once the option is on, in minutes, and saves it in seconds', async () => {
    const saved: unknown[] = [];
    renderSettings((input) => {
      saved.push(input);
      return settings;
    });
    const idleOnly = await screen.findByLabelText(/Mine only while the computer is idle/);
    expect(screen.queryByLabelText(/Idle after/)).toBeNull();
    fireEvent.click(idleOnly);
    const threshold = screen.getByLabelText(/Idle after/) as HTMLInputElement;
    expect(threshold.value).toBe('5');
    fireEvent.change(threshold, { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved.');
    expect(saved[0]).toMatchObject({ mining: { idleOnly: true, idleThresholdSeconds: 600 } });
  });
});

describe('fieldErrorsFrom', () => {
  it('maps nested paths to their input and keeps the first reason per field', () => {
    expect(
      fieldErrorsFrom([
        { path: 'validator.externalApi.whitelistedPublicKeys.1', message: 'Invalid' },
        { path: 'validator.externalApi.whitelistedPublicKeys.2', message: 'Invalid too' },
        { path: 'prover.nativePaths.ezkl', message: 'Expected string' },
        { path: 'mining.capacities.x', message: 'Too small' },
      ]),
    ).toEqual({ 's-api-keys': 'Invalid', 's-native-paths': 'Expected string' });
  });

  it('marks no field for a refusal without issues', () => {
    expect(fieldErrorsFrom([])).toEqual({});
  });
});
