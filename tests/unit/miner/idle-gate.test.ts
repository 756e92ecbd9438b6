import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IdleReading } from '../../../core/contract/core-channel.js';
import { decide, IdleGate, type IdleGateState } from '../../../core/miner/idle-gate.js';
import { pushedIdleSource, systemIdleSource } from '../../../core/miner/idle-source.js';
import { ProofScheduler, RequestRefusedError } from '../../../core/miner/proof-scheduler.js';
import { idleOnlyGate } from '../../../core/service/node-runtime/idle-only.js';
import { SettingsSchema } from '../../../core/contract/settings.js';

const known = (idleSeconds: number, locked = false): IdleReading => ({ kind: 'known', idleSeconds, locked });
const request = (hotkey = 'v1') => ({
  hotkey,
  stake: 1,
  circuitId: 'c',
  deadline: performance.now() + 60_000,
});

describe('idle decision', () => {
  it('refuses while the user is active and takes work once idle past the threshold', () => {
    expect(decide(known(10), 300)).toMatchObject({ accepting: false, detail: /in use.*5 min/ });
    expect(decide(known(300), 300)).toMatchObject({ accepting: true, detail: /idle for 5 min/ });
    expect(decide(known(0, true), 300)).toMatchObject({ accepting: true, detail: /locked/ });
  });

  it('treats an unknowable idle state as idle and says why', () => {
    expect(decide({ kind: 'unknown', why: 'no display (DISPLAY is not set)' }, 300)).toEqual({
      accepting: true,
      detail: 'mining: idle state unknown (no display (DISPLAY is not set)), treated as idle',
    });
  });
});

describe('idle gate', () => {
  it('reports changes of decision only, not every growing idle time', async () => {
    const { source, push } = pushedIdleSource();
    const changes: IdleGateState[] = [];
    const gate = new IdleGate({ source, thresholdSeconds: 60, onChange: (s) => changes.push(s) });
    expect(gate.state.accepting).toBe(false); // nothing read yet: no work taken
    push(known(5));
    await gate.check();
    push(known(20));
    await gate.check();
    push(known(61));
    await gate.check();
    push(known(200));
    await gate.check();
    push(known(1));
    await gate.check();
    expect(changes.map((c) => c.accepting)).toEqual([false, true, false]);
  });

  it('a failing source counts as unknown instead of stopping the gate', async () => {
    const onChange = vi.fn();
    const gate = new IdleGate({
      source: () => Promise.reject(new Error('boom')),
      thresholdSeconds: 60,
      onChange,
    });
    await gate.check();
    expect(onChange).toHaveBeenCalledWith({ accepting: true, detail: expect.stringMatching(/failed: boom/) });
  });
});

describe('mine only while idle, with the real proof scheduler', () => {
  afterEach(() => vi.useRealTimers());

  it('refuses new proofs while active, lets admitted ones finish, resumes when idle', async () => {
    vi.useFakeTimers();
    const scheduler = new ProofScheduler({ concurrency: 2 });
    const { source, push } = pushedIdleSource();
    push(known(400));
    const { mining } = SettingsSchema.parse({
      version: 1,
      mining: { idleOnly: true, idleThresholdSeconds: 300 },
    });
    const control = await idleOnlyGate(mining, { idleSource: source }, scheduler);
    if (!control) throw new Error('idleOnly is on: there must be a gate');
    const details: string[] = [];
    control.onDetail((d) => details.push(d));
    expect(control.detail).toMatch(/idle for/);

    const release = await scheduler.acquire(request()); // a proof in flight when the user comes back
    push(known(2));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(details).toEqual([expect.stringMatching(/^paused: the computer is in use/)]);
    const refused = await scheduler.acquire(request('v2')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RequestRefusedError);
    expect(refused).toMatchObject({ reason: 'paused', message: expect.stringMatching(/in use/) });
    release(); // the admitted proof finished normally
    expect(scheduler.stats).toEqual({ running: 0, queued: 0 });

    push(known(301));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(details[1]).toMatch(/idle for 5 min/);
    (await scheduler.acquire(request('v2')))();
    control.stop();
  });

  it('is no gate at all when the setting is off', async () => {
    const { mining } = SettingsSchema.parse({ version: 1 });
    expect(await idleOnlyGate(mining, {}, new ProofScheduler({ concurrency: 1 }))).toBeNull();
  });
});

describe('headless idle source', () => {
  it('says why it cannot tell on a server without a display', async () => {
    expect(await systemIdleSource('linux', {})()).toEqual({
      kind: 'unknown',
      why: 'no display (DISPLAY is not set)',
    });
    expect(await systemIdleSource('win32', {})()).toMatchObject({ kind: 'unknown' });
  });
});
