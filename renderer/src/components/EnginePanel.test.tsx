import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { CommandOutput, CoreEvent } from '../../../core/contract/index.js';
import type { Sn2PreloadApi } from '../../../core/contract/bridge.js';
import { electronTransport } from '../transport/electron-transport.js';
import { CoreProvider } from '../state/core-context.js';
import { EnginePanel } from './EnginePanel.js';

afterEach(cleanup);

type Reply = (input: unknown) => unknown;

/** A preload stand-in: replies go through the real electron transport, so they must match the contract's schemas. */
function fakeCore(replies: Record<string, Reply>) {
  const listeners = new Set<(e: unknown) => void>();
  const calls: Array<[string, unknown]> = [];
  const api: Sn2PreloadApi = {
    invoke: async (command, input) => {
      calls.push([command, input]);
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
      <EnginePanel />
    </CoreProvider>,
  );
  return { calls, push: (event: CoreEvent) => act(() => listeners.forEach((l) => l(event))) };
}

const engine = (tag: string) => ({
  channel: 'mainnet' as const,
  tag,
  asset: 'sn2-miner-linux-x86_64',
  sha256: 'a'.repeat(64),
  path: `/data/engines/sn2-miner/${tag}/sn2-miner`,
  verifiedAt: '2026-12-06T10:00:00.000Z',
  version: tag,
  multiMiner: false,
});
const none: CommandOutput<'engine.status'> = {
  platform: 'linux-x64',
  supported: true,
  asset: 'sn2-miner-linux-x86_64',
  selected: null,
};
const installed = (tag: string, previous?: string): CommandOutput<'engine.status'> => ({
  ...none,
  selected: { source: 'installed', path: engine(tag).path, version: tag },
  active: engine(tag),
  ...(previous ? { previous: engine(previous) } : {}),
});

describe('EnginePanel', () => {
  it('on a platform upstream does not build for, says why and offers no install', async () => {
    fakeCore({
      'engine.status': () => ({
        platform: 'win32-x64',
        supported: false,
        unsupportedReason:
          'upstream publishes no Windows build of sn2-miner. Practice mode works here without it.',
        selected: null,
      }),
    });
    expect(await screen.findByTestId('engine-unsupported')).toHaveProperty(
      'textContent',
      'upstream publishes no Windows build of sn2-miner. Practice mode works here without it.',
    );
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('installs with live progress, then shows the installed version', async () => {
    let finish!: (v: unknown) => void;
    const core = fakeCore({
      'engine.status': () => none,
      'engine.install': () => new Promise((r) => (finish = r)),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Install the newest mainnet sn2-miner' }));
    core.push({
      type: 'progress',
      taskId: 'engine.install',
      label: 'Downloading sn2-miner',
      done: 1024,
      total: 4096,
      unit: 'bytes',
      finished: false,
    });
    expect(await screen.findByText('Downloading sn2-miner: 1.0 KB of 4.0 KB')).toBeTruthy();
    expect(core.calls).toContainEqual(['engine.install', { channel: 'mainnet' }]);
    finish(installed('14.6.0'));
    expect(await screen.findByText(/sn2-miner 14\.6\.0 \(mainnet release 14\.6\.0\)/)).toBeTruthy();
  });

  it('checks for an update, applies it on request, and rolls back', async () => {
    let current = installed('14.6.0');
    const core = fakeCore({
      'engine.status': () => current,
      'engine.checkUpdate': () => ({
        channel: 'mainnet',
        installed: { tag: '14.6.0', sha256: 'a'.repeat(64) },
        latest: { tag: '14.7.0', sha256: 'b'.repeat(64), publishedAt: null },
        available: true,
      }),
      'engine.applyUpdate': () => (current = installed('14.7.0', '14.6.0')),
      'engine.rollback': () => (current = installed('14.6.0', '14.7.0')),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Check for an update' }));
    expect((await screen.findByTestId('engine-update')).textContent).toMatch(
      /mainnet release 14\.7\.0 \(installed: 14\.6\.0\)/,
    );
    expect(core.calls.some(([c]) => c === 'engine.applyUpdate')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Update now' }));
    expect(await screen.findByText(/sn2-miner 14\.7\.0/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Roll back to 14.6.0' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/sn2-miner 14\.6\.0/));
    expect(screen.getByRole('button', { name: 'Roll back to 14.7.0' })).toBeTruthy();
  });

  it('uses a binary installed by hand through engine.use, shows its refusal, and forgets it', async () => {
    const custom = {
      path: '/opt/sn2-miner',
      sha256: 'b'.repeat(64),
      version: '14.8.0',
      multiMiner: false,
      verifiedAt: '2026-12-06T11:00:00.000Z',
    };
    const using: CommandOutput<'engine.status'> = {
      ...none,
      selected: { source: 'custom', path: custom.path, version: custom.version },
      custom,
    };
    const core = fakeCore({
      'engine.status': () => none,
      'engine.use': (input) => {
        if ((input as { path: string }).path !== custom.path)
          throw new Error('not saved: running /tmp/x as sn2-miner was not confirmed');
        return using;
      },
      'engine.clear': () => none,
    });
    const field = await screen.findByLabelText('sn2-miner installed by hand');
    fireEvent.change(field, { target: { value: '/tmp/x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use this binary' }));
    expect(await screen.findByText(/was not confirmed/)).toBeTruthy();
    fireEvent.change(field, { target: { value: ` ${custom.path} ` } });
    fireEvent.click(screen.getByRole('button', { name: 'Use this binary' }));
    await waitFor(() =>
      expect(screen.getAllByRole('status')[0].textContent).toMatch(/14\.8\.0 \(installed by hand\)/),
    );
    expect(core.calls).toContainEqual(['engine.use', { path: custom.path }]);
    fireEvent.click(screen.getByRole('button', { name: 'Forget it (run the installed release)' }));
    await waitFor(() => expect(screen.queryByText(/installed by hand\)/)).toBeNull());
  });
});
