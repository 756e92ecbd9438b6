import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedPath } from '../../helpers/shared.js';
import { PracticeSession } from '../../../core/practice/practice-session.js';
import { ComponentLifecycle } from '../../../core/service/node-runtime/component-lifecycle.js';
import type { CoreEvent } from '../../../core/contract/events.js';

describe('a practice session whose devnet dies after running', () => {
  it('moves the component to error with the reason and releases the session', async () => {
    process.env.SN2_CIRCUITS_DIR = sharedPath('fixtures/sn2');
    const events: CoreEvent[] = [];
    const session = await PracticeSession.start({
      dataDir: mkdtempSync(join(tmpdir(), 'sn2-practice-crash-')),
      specPath: sharedPath('fixtures/subtensor/aura-dev-spec293.json'),
      emit: (e) => events.push(e),
      prover: { cpuLimit: 1 },
    });
    const lifecycle = new ComponentLifecycle('miner', (e) => events.push(e));
    let stopped = false;
    await lifecycle.start(async () => ({
      detail: 'practice',
      stats: () => session.miner.stats(),
      inFlight: () => session.miner.inFlight,
      stop: async () => {
        await session.stop();
        stopped = true;
      },
      onFailure: (listener) => session.onFailure(listener),
    }));
    expect(lifecycle.status().state).toBe('running');

    await session.devnet.close();
    await expect.poll(() => lifecycle.status().state, { timeout: 20_000 }).toBe('error');
    expect(lifecycle.status().detail).toMatch(
      /^miner stopped unexpectedly: the practice devnet stopped answering/,
    );
    await expect.poll(() => stopped, { timeout: 60_000 }).toBe(true);
    expect(events.filter((e) => e.type === 'status').map((e) => e.type === 'status' && e.state)).toEqual([
      'starting',
      'running',
      'error',
    ]);
    // Stop after an error clears it.
    expect((await lifecycle.stop()).state).toBe('stopped');
  }, 300_000);
});
