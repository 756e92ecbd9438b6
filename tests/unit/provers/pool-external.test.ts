import { afterEach, describe, expect, it } from 'vitest';
import { createProverPool, type ProverPool } from '../../../core/provers/pool.js';
import { ProofCancelledError } from '../../../core/provers/errors.js';

let pool: ProverPool | undefined;
afterEach(() => pool?.close());

/** Work that resolves when told to, recording how many run at once. */
function gate() {
  let running = 0;
  let peak = 0;
  const releases: Array<() => void> = [];
  const work = (threads: number) =>
    new Promise<number>((resolve) => {
      running++;
      peak = Math.max(peak, running);
      releases.push(() => {
        running--;
        resolve(threads);
      });
    });
  return { work, releases, peak: () => peak };
}

const tick = () => new Promise((r) => setTimeout(r, 10));

describe('native work in the prover pool (runExternal)', () => {
  it('a native process alone gets every slot; work submitted together shares them, never more', async () => {
    pool = createProverPool({ size: 4, memoryBudgetBytes: 1 << 30 });
    const g = gate();
    const alone = pool.runExternal(g.work);
    await tick();
    const behind = pool.runExternal(g.work);
    await tick();
    expect(pool.stats()).toMatchObject({ running: 1, queued: 1 });
    g.releases.shift()!();
    expect(await alone).toBe(4);
    await tick();
    g.releases.shift()!();
    expect(await behind).toBe(4);
    const many = Array.from({ length: 6 }, () => pool!.runExternal(g.work));
    await tick();
    expect(pool.stats()).toMatchObject({ running: 4, queued: 2 });
    while (g.releases.length) {
      g.releases.shift()!();
      await tick();
    }
    const threads = await Promise.all(many);
    expect(g.peak()).toBe(4);
    expect(threads.every((t) => t >= 1)).toBe(true);
    expect(threads).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('holds work back while the memory budget is taken, and an abort while queued rejects it', async () => {
    pool = createProverPool({ size: 4, memoryBudgetBytes: 100 });
    const g = gate();
    const first = pool.runExternal(g.work, { memoryBytes: 80 });
    const controller = new AbortController();
    const second = pool.runExternal(g.work, { memoryBytes: 80, signal: controller.signal });
    await tick();
    expect(pool.stats()).toMatchObject({ running: 1, queued: 1 });
    controller.abort();
    await expect(second).rejects.toBeInstanceOf(ProofCancelledError);
    g.releases.shift()!();
    await first;
  });
});
