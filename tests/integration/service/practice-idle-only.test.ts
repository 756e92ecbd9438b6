import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedPath } from '../../helpers/shared.js';
import { CoreService } from '../../../core/service/core-service.js';
import { pushedIdleSource } from '../../../core/miner/idle-source.js';
import type { CoreEvent, ProofLogEntry } from '../../../core/contract/index.js';

/**
 * "Mine only while the computer is idle" on the Practice network (real devnet, real validator, real
 * proofs), with the host's idle source injected: while the user is active the miner refuses new proofs
 * and its status says why; once idle it proves again.
 */
describe('mining.idleOnly through CoreService', () => {
  const idle = pushedIdleSource();
  idle.push({ kind: 'known', idleSeconds: 1, locked: false });
  let core: CoreService;
  const events: CoreEvent[] = [];
  const minerProofs = () =>
    events.flatMap((e) => (e.type === 'proof' && e.entry.role === 'miner' ? [e.entry] : []));
  afterAll(() => core?.close());

  it('refuses work while the user is active, says why, and proves once idle', async () => {
    process.env.SN2_CIRCUITS_DIR = sharedPath('fixtures/sn2');
    process.env.SUBTENSOR_SPEC = sharedPath('fixtures/subtensor/aura-dev-spec293.json');
    core = new CoreService({
      dataDir: mkdtempSync(join(tmpdir(), 'sn2-idle-only-')),
      host: { idleSource: idle.source },
    });
    core.onEvent((e) => events.push(e));
    await core.invoke('settings.update', { mining: { idleOnly: true, idleThresholdSeconds: 60 } });

    const started = await core.invoke('miner.start', {});
    expect(started.state).toBe('running');
    expect(started.detail).toMatch(/paused: the computer is in use \(mine only while idle\)/);
    await vi.waitFor(() => expect(minerProofs().length).toBeGreaterThan(0), {
      timeout: 120_000,
      interval: 500,
    });
    const refused: ProofLogEntry = minerProofs()[0];
    expect(refused).toMatchObject({
      status: 'rejected',
      error: expect.stringMatching(/^paused: the computer is in use/),
    });

    idle.push({ kind: 'known', idleSeconds: 61, locked: false });
    await vi.waitFor(
      () =>
        expect(events).toContainEqual(
          expect.objectContaining({
            type: 'status',
            component: 'miner',
            state: 'running',
            detail: expect.stringMatching(/mining: the computer has been idle for 61 s$/),
          }),
        ),
      // Polled every 5 s; the in-process devnet and scoring can hold this event loop for seconds.
      { timeout: 60_000 },
    );
    await vi.waitFor(() => expect(minerProofs().some((p) => p.status === 'self-checked')).toBe(true), {
      timeout: 120_000,
      interval: 500,
    });
    expect((await core.invoke('miner.status', {})).detail).toMatch(/idle for 61 s/);
  }, 600_000);
});
