import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreSupervisor } from '../../../electron/core-supervisor.js';
import type { CoreEvent, ProofLogEntry } from '../../../core/contract/index.js';
import { sharedPath } from '../../helpers/shared.js';
import { coreChildScript, forkedCoreChild } from './forked-core.js';

/**
 * The desktop app's core process mining on the Practice network (real devnet, real proofs, our own
 * validator scoring them), killed with SIGKILL while a proof is in flight: the supervisor restarts it,
 * the miner comes back, the UI hears why, and nothing on disk is lost. Then a graceful quit.
 */
describe('kill -9 of the core process mid-proof', () => {
  const home = mkdtempSync(join(tmpdir(), 'sn2-supervisor-kill-'));
  const children: Array<ReturnType<typeof forkedCoreChild>> = [];
  const events: CoreEvent[] = [];
  const supervisor = new CoreSupervisor({
    spawn: () => {
      const child = forkedCoreChild(coreChildScript, {
        SN2_HOME: home,
        SN2_CIRCUITS_DIR: sharedPath('fixtures/sn2'),
        SUBTENSOR_SPEC: sharedPath('fixtures/subtensor/aura-dev-spec293.json'),
      });
      children.push(child);
      return child;
    },
    confirmNativePath: async () => false,
    onSettingsInvalid: async () => 'quit',
    log: () => undefined,
    backoffMs: () => 100,
  });
  supervisor.onEvent((e) => events.push(e));
  const minerProofs = () =>
    events.flatMap((e) => (e.type === 'proof' && e.entry.role === 'miner' ? [e.entry] : []));
  afterAll(() => supervisor.close());

  it('restarts the core and the miner, tells the UI, keeps settings, proof log and scores', async () => {
    expect(await supervisor.start()).toBe('ready');
    await supervisor.invoke('settings.update', {
      app: { runAtLogin: true },
      mining: { capacities: { x: 3 } },
    });
    expect((await supervisor.invoke('miner.start', {})).state).toBe('running');

    // Wait for an epoch to persist scores, then for a proof in flight, and kill the core right then.
    await vi.waitFor(() => expect(events.some((e) => e.type === 'weights' && e.ok)).toBe(true), {
      timeout: 180_000,
      interval: 500,
    });
    const statePath = join(home, 'practice', 'practice-validator-state.json');
    const scores = () => (JSON.parse(readFileSync(statePath, 'utf8')) as { scores: number[] }).scores;
    const scoresBefore = scores();
    expect(scoresBefore[1]).toBeGreaterThan(0); // our miner (uid 1) has earned a score
    await vi.waitFor(
      async () => expect((await supervisor.invoke('miner.status', {})).inFlight).toBeGreaterThan(0),
      { timeout: 60_000, interval: 50 },
    );
    const servedBefore: ProofLogEntry[] = minerProofs();
    children[0].proc.kill('SIGKILL');
    // Written atomically: the kill leaves the last saved scores whole.
    expect(scores()).toEqual(scoresBefore);

    await vi.waitFor(
      () =>
        expect(events).toContainEqual(
          expect.objectContaining({ type: 'status', component: 'miner', state: 'error' }),
        ),
      { timeout: 10_000 },
    );
    await vi.waitFor(
      () =>
        expect(events).toContainEqual({
          type: 'notification',
          level: 'warning',
          title: 'The miner stopped unexpectedly and was restarted',
          body: expect.stringContaining('the miner is running again'),
        }),
      // A fresh practice devnet takes minutes to set up on a busy 2-core machine.
      { timeout: 400_000, interval: 500 },
    );
    expect(children).toHaveLength(2);
    expect((await supervisor.invoke('miner.status', {})).state).toBe('running');

    const settings = await supervisor.invoke('settings.get', {});
    expect(settings.app.runAtLogin).toBe(true);
    expect(settings.mining.capacities).toEqual({ x: 3 });
    // Every entry on disk, not the newest 500 the UI asks for: on a fast machine the miner's and the practice
    // validator's entries before the kill pass that page.
    const logged = new Set((await supervisor.invoke('proofLog.list', { limit: 10_000 })).map((e) => e.id));
    expect(servedBefore.every((e) => logged.has(e.id))).toBe(true);

    // Mining goes on after the restart.
    const count = minerProofs().length;
    await vi.waitFor(() => expect(minerProofs().length).toBeGreaterThan(count), {
      timeout: 120_000,
      interval: 500,
    });

    // Quit: the core stops the miner (in-flight proofs finish) and exits cleanly.
    await supervisor.close();
    expect(children[1].proc.exitCode).toBe(0);
    const minerStates = events.flatMap((e) =>
      e.type === 'status' && e.component === 'miner' ? [e.state] : [],
    );
    expect(minerStates.slice(-2)).toEqual(['stopping', 'stopped']);
  }, 900_000);
});
