import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { CoreEvent } from '../../../core/contract/index.js';
import type { Sn2PreloadApi } from '../../../core/contract/bridge.js';
import { electronTransport } from '../transport/electron-transport.js';
import { CoreProvider } from '../state/core-context.js';
import { EzklPanel } from './EzklPanel.js';

afterEach(cleanup);

type Reply = (input: unknown) => unknown;

/**
 * A preload stand-in: replies (sync or async, or a thrown error as the core's failure) go through the
 * real electron transport, so results and events must match the contract's schemas as the core's would.
 */
function fakeCore(replies: Record<string, Reply>) {
  const listeners = new Set<(e: unknown) => void>();
  const calls: string[] = [];
  const api: Sn2PreloadApi = {
    invoke: async (command, input) => {
      calls.push(command);
      const reply = replies[command];
      if (!reply) return { ok: false, error: { code: 'unavailable', message: `${command} not here` } };
      try {
        return { ok: true, result: await reply(input) };
      } catch (err) {
        return { ok: false, error: { code: 'failed', message: (err as Error).message } };
      }
    },
    onEvent: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  render(
    <CoreProvider transport={electronTransport(api)}>
      <EzklPanel />
    </CoreProvider>,
  );
  return { calls, push: (event: CoreEvent) => act(() => listeners.forEach((l) => l(event))) };
}

/** A promise the test settles when it wants: the core's install still running until then. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const missing = {
  version: '22.0.1',
  installed: false,
  path: null,
  reason: 'ezkl 22.0.1 is not installed',
  platform: 'linux-x64',
  installable: true,
};
const installed = {
  ...missing,
  installed: true,
  path: '/home/u/.sn2/bin/ezkl',
  reason: undefined,
};
const progress = (label: string, done: number, total?: number, extra: Partial<CoreEvent> = {}) =>
  ({
    type: 'progress',
    taskId: 'provers.installEzkl',
    label,
    done,
    ...(total !== undefined ? { total } : {}),
    unit: label.startsWith('Downloading') ? 'bytes' : 'steps',
    finished: false,
    ...extra,
  }) as CoreEvent;

const MiB = 1024 * 1024;
const installButton = () => screen.getByRole('button', { name: /Install ezkl 22\.0\.1|Installing/ });

describe('EzklPanel', () => {
  it('shows an installed ezkl with its version and path, and offers no install', async () => {
    fakeCore({ 'provers.ezklStatus': () => installed });
    const panel = await screen.findByTestId('ezkl-panel');
    await waitFor(() => expect(panel.dataset.state).toBe('installed'));
    expect(panel.textContent).toMatch(/ezkl 22\.0\.1 is installed: \/home\/u\/\.sn2\/bin\/ezkl/);
    expect(screen.queryByRole('button')).toBeNull();
    expect(panel.textContent).not.toMatch(/capacity 0/);
  });

  it('when this build cannot install ezkl, says why and what it means, with no button', async () => {
    const blocked =
      'this build has no pinned checksum for the ezkl 22.0.1 archive for linux-x64, so it will not install it';
    fakeCore({
      'provers.ezklStatus': () => ({ ...missing, installable: false, installBlockedReason: blocked }),
    });
    const note = await screen.findByTestId('ezkl-install-blocked');
    expect(note.textContent).toBe(blocked);
    const panel = screen.getByTestId('ezkl-panel');
    expect(panel.textContent).toMatch(/not usable here:.*ezkl 22\.0\.1 is not installed/);
    expect(panel.textContent).toMatch(/LSTM, SN27\/SN48 PoW\) cannot be proved.*capacity 0/);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('installs on request: live download progress, then the installed status and a success note', async () => {
    const run = deferred<typeof installed>();
    const core = fakeCore({ 'provers.ezklStatus': () => missing, 'provers.installEzkl': () => run.promise });
    fireEvent.click(await screen.findByRole('button', { name: 'Install ezkl 22.0.1' }));
    const panel = screen.getByTestId('ezkl-panel');
    await waitFor(() => expect(installButton()).toHaveProperty('disabled', true));
    expect(panel.dataset.state).toBe('installing');
    expect(panel.textContent).toMatch(/Starting the download/);

    core.push(progress('Downloading ezkl', 12 * MiB, 40 * MiB));
    expect(panel.textContent).toMatch(/Downloading ezkl: 12\.0 MB of 40\.0 MB/);
    const bar = screen.getByLabelText('ezkl install progress');
    expect(bar).toHaveProperty('value', 12 * MiB);
    expect(bar).toHaveProperty('max', 40 * MiB);
    // Another task's progress is not this install's.
    core.push({ ...progress('Downloading circuits', 1, 2), taskId: 'circuits.download' } as CoreEvent);
    expect(panel.textContent).toMatch(/Downloading ezkl: 12\.0 MB/);

    core.push(progress('Checking ezkl', 0));
    expect(panel.textContent).toMatch(/Checking ezkl…/);
    core.push(progress('Checking ezkl', 1, 1, { finished: true }));
    run.resolve(installed);

    await waitFor(() => expect(panel.dataset.state).toBe('installed'));
    expect(panel.textContent).toMatch(/is installed: \/home\/u\/\.sn2\/bin\/ezkl/);
    expect(panel.textContent).toMatch(/Installed\. EZKL circuits can be proved now/);
    expect(screen.queryByLabelText('ezkl install progress')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
    expect(core.calls.filter((c) => c === 'provers.installEzkl')).toHaveLength(1);
  });

  it('shows why an install failed and lets the user try again', async () => {
    const attempts = [deferred<typeof installed>(), deferred<typeof installed>()];
    let n = 0;
    const core = fakeCore({
      'provers.ezklStatus': () => missing,
      'provers.installEzkl': () => attempts[n++].promise,
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Install ezkl 22.0.1' }));
    await waitFor(() => expect(installButton()).toHaveProperty('disabled', true));
    const message = 'ezkl: the downloaded archive has sha256 00ff…, expected 3a7b…; nothing was installed';
    core.push(progress('Downloading ezkl', 0, undefined, { finished: true, error: message }));
    attempts[0].reject(new Error(message));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('provers.installEzkl failed');
    expect(alert.textContent).toContain(message);
    const panel = screen.getByTestId('ezkl-panel');
    expect(panel.dataset.state).toBe('missing');
    expect(screen.queryByLabelText('ezkl install progress')).toBeNull();

    const retry = screen.getByRole('button', { name: 'Install ezkl 22.0.1' });
    expect(retry).toHaveProperty('disabled', false);
    fireEvent.click(retry);
    // A new attempt clears the old error.
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    attempts[1].resolve(installed);
    await waitFor(() => expect(panel.dataset.state).toBe('installed'));
    expect(core.calls.filter((c) => c === 'provers.installEzkl')).toHaveLength(2);
  });

  it('shows the core failing to report the status, with a retry', async () => {
    let fail = true;
    fakeCore({
      'provers.ezklStatus': () => {
        if (fail) throw new Error('cannot read the ezkl release table /x/ezkl.json: ENOENT');
        return installed;
      },
    });
    expect((await screen.findByRole('alert')).textContent).toMatch(/cannot read the ezkl release table/);
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByTestId('ezkl-panel').dataset.state).toBe('installed'));
  });
});
