import { describe, expect, it } from 'vitest';
import {
  ComponentLifecycle,
  type RunningNode,
} from '../../../core/service/node-runtime/component-lifecycle.js';
import type { CoreEvent } from '../../../core/contract/events.js';

/** A node whose health hook the test fires, as a dying axon or devnet would. */
function node(): RunningNode & { die(reason: string): void; stops: number } {
  let listener: ((reason: string) => void) | undefined;
  const n = {
    stops: 0,
    stats: () => [],
    inFlight: () => 0,
    async stop() {
      n.stops++;
    },
    onFailure(l: (reason: string) => void) {
      listener = l;
    },
    die(reason: string) {
      listener?.(reason);
    },
  };
  return n;
}

describe('ComponentLifecycle health hook', () => {
  it('a failure after running is an error with the reason, and the node is released once', async () => {
    const events: CoreEvent[] = [];
    const life = new ComponentLifecycle('validator', (e) => events.push(e));
    const n = node();
    await life.start(async () => n);
    n.die('axon port closed');
    n.die('again');
    await expect.poll(() => n.stops).toBe(1);
    expect(life.status()).toMatchObject({
      state: 'error',
      detail: 'validator stopped unexpectedly: axon port closed',
    });
    expect(life.running).toBe(false);
    // Start again works after a crash.
    const second = node();
    expect((await life.start(async () => second)).state).toBe('running');
    n.die('late report from the old node');
    await life.stop();
    expect(life.status().state).toBe('stopped');
    expect(second.stops).toBe(1);
  });

  it('a failure reported after stop is ignored', async () => {
    const life = new ComponentLifecycle('miner', () => undefined);
    const n = node();
    await life.start(async () => n);
    await life.stop();
    n.die('socket closed by stop');
    await new Promise((r) => setImmediate(r));
    expect(life.status().state).toBe('stopped');
    expect(n.stops).toBe(1);
  });
});
