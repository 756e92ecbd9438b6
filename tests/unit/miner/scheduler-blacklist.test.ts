import { describe, expect, it } from 'vitest';
import { ProofScheduler, RequestRefusedError } from '../../../core/miner/proof-scheduler.js';
import { blacklistReason, BLACKLIST_REASONS } from '../../../core/miner/blacklist.js';

const far = () => performance.now() + 60_000;

describe('miner blacklist (§7.2)', () => {
  const meta = new Map([
    ['vali', { uid: 1, stake: 2000, validatorPermit: true }],
    ['poor', { uid: 2, stake: 1023.99, validatorPermit: true }],
    ['nopermit', { uid: 3, stake: 5000, validatorPermit: false }],
  ]);
  const lookup = (h: string) => meta.get(h);
  it('checks registration, stake, then permit, with upstream reasons', () => {
    expect(blacklistReason('vali', lookup, { disabled: false })).toBeUndefined();
    expect(blacklistReason('stranger', lookup, { disabled: false })).toBe(BLACKLIST_REASONS.notRegistered);
    expect(blacklistReason('poor', lookup, { disabled: false })).toBe('Stake below minimum');
    expect(blacklistReason('nopermit', lookup, { disabled: false })).toBe(
      'Requesting UID has no validator permit',
    );
    expect(blacklistReason('stranger', lookup, { disabled: true })).toBeUndefined();
    expect(blacklistReason('poor', lookup, { disabled: false, minStake: 0 })).toBeUndefined();
  });
  it('turns a lookup failure into the upstream error reason', () => {
    const broken = () => {
      throw new Error('metagraph not loaded');
    };
    expect(blacklistReason('vali', broken, { disabled: false })).toBe(BLACKLIST_REASONS.error);
  });
});

describe('proof scheduler', () => {
  it('serves validators round robin (a flood cannot starve others), new ones by stake', async () => {
    const s = new ProofScheduler({ concurrency: 1, maxPerValidator: 10 });
    const order: string[] = [];
    const hold = await s.acquire({ hotkey: 'flood', stake: 10, circuitId: 'c', deadline: far() });
    order.push('flood');
    const jobs = (
      [
        ['flood', 10],
        ['flood', 10],
        ['small', 1],
        ['big', 100],
        ['small', 1],
      ] as const
    ).map(async ([hotkey, stake]) => {
      const release = await s.acquire({ hotkey, stake, circuitId: 'c', deadline: far() });
      order.push(hotkey);
      release();
    });
    hold();
    await Promise.all(jobs);
    expect(order).toEqual(['flood', 'big', 'small', 'flood', 'small', 'flood']);
  });

  it('refuses a validator over its limit and a full queue', async () => {
    const s = new ProofScheduler({ concurrency: 1, maxPerValidator: 2, maxQueued: 1 });
    const a = await s.acquire({ hotkey: 'a', stake: 1, circuitId: 'c', deadline: far() });
    const queued = s.acquire({ hotkey: 'a', stake: 1, circuitId: 'c', deadline: far() });
    await expect(s.acquire({ hotkey: 'a', stake: 1, circuitId: 'c', deadline: far() })).rejects.toMatchObject(
      {
        reason: 'validator-queue-full',
      },
    );
    await expect(s.acquire({ hotkey: 'b', stake: 1, circuitId: 'c', deadline: far() })).rejects.toMatchObject(
      {
        reason: 'queue-full',
      },
    );
    a();
    (await queued)();
    expect(s.stats).toEqual({ running: 0, queued: 0 });
  });

  it('refuses early what cannot finish before the deadline', async () => {
    const s = new ProofScheduler({ concurrency: 1, estimateMs: () => 5_000 });
    const release = await s.acquire({ hotkey: 'a', stake: 1, circuitId: 'c', deadline: far() });
    const late = s.acquire({ hotkey: 'b', stake: 1, circuitId: 'c', deadline: performance.now() + 8_000 });
    await expect(late).rejects.toBeInstanceOf(RequestRefusedError);
    await expect(late).rejects.toMatchObject({ reason: 'cannot-finish-in-time' });
    release();
  });

  it('stop() refuses the waiting jobs', async () => {
    const s = new ProofScheduler({ concurrency: 1 });
    const release = await s.acquire({ hotkey: 'a', stake: 1, circuitId: 'c', deadline: far() });
    const waiting = s.acquire({ hotkey: 'b', stake: 1, circuitId: 'c', deadline: far() });
    s.stop();
    await expect(waiting).rejects.toMatchObject({ reason: 'stopped' });
    release();
  });
});
