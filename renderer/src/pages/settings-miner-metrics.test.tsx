import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { SettingsSchema } from '../../../core/contract/index.js';
import { fakeCore } from '../testing/fake-core.js';
import { CoreProvider } from '../state/core-context.js';
import { SettingsPage } from './SettingsPage.js';

afterEach(cleanup);

describe('Settings: miner metrics', () => {
  it('is off by default and saves the switch and port as mining.prometheus', async () => {
    const settings = SettingsSchema.parse({ version: 1 });
    let saved: unknown;
    const core = fakeCore({
      'settings.get': () => settings,
      'app.info': () => ({ version: '0.1.0', dataDir: '/d', platform: 'linux', arch: 'x64' }),
      'update.status': () => ({ kind: 'idle' }),
      'settings.update': (patch) => {
        saved = patch;
        return settings;
      },
    });
    render(
      <CoreProvider transport={core.transport}>
        <SettingsPage />
      </CoreProvider>,
    );
    const box = await screen.findByLabelText('Serve Prometheus metrics while mining');
    expect(box).toHaveProperty('checked', false);
    expect(screen.getByLabelText('Miner metrics (TCP)')).toHaveProperty('disabled', true);
    fireEvent.click(box);
    fireEvent.change(screen.getByLabelText('Miner metrics (TCP)'), { target: { value: '9101' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved.');
    expect(saved).toMatchObject({ mining: { prometheus: { enabled: true, port: 9101, host: '127.0.0.1' } } });
  });
});
