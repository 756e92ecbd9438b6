import { afterEach, describe, expect, it } from 'vitest';
import type { ServedRequest } from '../../../core/contract/served-request.js';
import type { RefusalSummary } from '../../../core/contract/index.js';
import { refusalReason, RefusalTracker } from '../../../core/miner/refusals.js';
import { refusalsCheck } from '../../../core/service/node-runtime/refusals-check.js';

const served = (status: number, message: string, hotkey: string | null, extra: Partial<ServedRequest> = {}) =>
  ({
    at: '',
    route: 'QueryZkProof',
    status,
    message,
    peerIp: '10.0.0.9',
    peerPort: 1,
    hotkey,
    uuid: null,
    nonce: null,
    timings: { totalMs: 1 },
    ...extra,
  }) satisfies ServedRequest;

describe('refusalReason: the SDK axon messages', () => {
  it.each([
    [
      401,
      'Not Verified with error: Nonce is too old: acceptable delta is 16.00 seconds but request was 60.00 seconds old',
      'stale-nonce',
    ],
    [401, 'Not Verified with error: Nonce is too old, a newer one was last processed', 'replayed-nonce'],
    [401, 'Not Verified with error: Signature mismatch with 1.2.3 and 0xab', 'bad-signature'],
    [401, 'Not Verified with error: Missing Signature', 'bad-signature'],
    [403, 'Forbidden. Key is blacklisted: Stake below minimum.', 'blacklisted'],
    [429, 'Too many requests from 10.0.0.9', 'rate-limited'],
    [500, 'Internal Server Error #abc', 'internal-error'],
    [503, 'Forward queue full (256 waiting)', 'queue-full'],
    [408, 'Response timeout after: 12.0s', 'timeout'],
    [413, 'Request body over 8 bytes', 'too-large'],
  ] as const)('%i %s → %s', (status, message, reason) => {
    expect(refusalReason({ status, message })).toBe(reason);
  });

  it('is not a refusal: success, a forward-chosen status, an unknown route, a client that hung up', () => {
    for (const status of [200, 201, 404, 499]) expect(refusalReason({ status, message: '' })).toBeUndefined();
  });
});

describe('RefusalTracker', () => {
  let tracker: RefusalTracker | undefined;
  afterEach(() => tracker?.stop());

  it('a flood of 10,000 refusals from fresh keys: exact totals, bounded memory, one log line per window', async () => {
    const lines: Array<{ level: string; msg: string }> = [];
    const summaries: RefusalSummary[] = [];
    tracker = new RefusalTracker({
      log: (level, msg) => lines.push({ level, msg }),
      onSummary: (s) => summaries.push(s),
      logEveryMs: 50,
      eventEveryMs: 10,
      maxCallers: 100,
    });
    const steady = '5SteadyValidator';
    for (let i = 0; i < 10_000; i++) {
      tracker.record(served(403, 'Forbidden. Key is blacklisted: Hotkey is not registered.', `5Fresh${i}`));
      if (i % 50 === 0)
        tracker.record(served(403, 'Forbidden. Key is blacklisted: Stake below minimum.', steady));
    }
    tracker.record(
      served(500, 'Internal Server Error #e1', steady, { errorId: 'e1', internalError: 'prover crashed' }),
    );
    const s = tracker.summary();
    expect(s.total).toBe(10_000 + 200 + 1);
    expect(s.byReason).toEqual({ blacklisted: 10_200, 'internal-error': 1 });
    expect(s.topCallers.length).toBeLessThanOrEqual(20);
    expect(s.topCallers[0]).toMatchObject({ caller: steady, reason: 'blacklisted', count: 200 });
    expect(s.recentErrors).toEqual([{ id: 'e1', at: expect.any(Number), message: 'prover crashed' }]);
    expect(lines).toEqual([]);
    await new Promise((r) => setTimeout(r, 120));
    expect(lines).toHaveLength(1);
    expect(lines[0].level).toBe('error');
    expect(lines[0].msg).toMatch(
      /^axon refused 10201 request\(s\) since the last report: 10200 blacklisted from 1000\+ caller\(s\)/,
    );
    expect(summaries.length).toBe(1);
    expect(summaries[0].total).toBe(10_201);
  });

  it('says nothing while nothing is refused', async () => {
    const lines: string[] = [];
    tracker = new RefusalTracker({
      log: (_l, m) => lines.push(m),
      onSummary: () => undefined,
      logEveryMs: 10,
    });
    tracker.record(served(200, 'Success', '5Ok'));
    await new Promise((r) => setTimeout(r, 40));
    expect(lines).toEqual([]);
    expect(tracker.summary().total).toBe(0);
  });
});

describe('refusalsCheck (doctor)', () => {
  const summary = (over: Partial<RefusalSummary>): RefusalSummary => ({
    since: 0,
    total: 0,
    byReason: {},
    topCallers: [],
    recentErrors: [],
    ...over,
  });

  it('diagnoses clock skew from stale nonces of several validators', () => {
    const c = refusalsCheck(
      summary({
        total: 3,
        byReason: { 'stale-nonce': 3 },
        topCallers: ['5A', '5B', '5C'].map((caller) => ({
          caller,
          reason: 'stale-nonce' as const,
          count: 1,
          lastAt: 0,
          lastMessage: 'Not Verified with error: Nonce is too old: acceptable delta is 16.00 seconds',
        })),
      }),
      true,
    );
    expect(c).toMatchObject({ id: 'refusals', ok: false });
    expect(c.message).toContain('3 request(s) refused for a stale nonce from 3 caller(s)');
    expect(c.fix).toMatch(/clock is probably off.*NTP/);
  });

  it('explains validators blacklisted for low stake, without calling it a failure', () => {
    const c = refusalsCheck(
      summary({
        total: 5,
        byReason: { blacklisted: 5 },
        topCallers: [
          {
            caller: '5LowStake',
            reason: 'blacklisted',
            count: 5,
            lastAt: 0,
            lastMessage: 'Forbidden. Key is blacklisted: Stake below minimum.',
          },
        ],
      }),
      true,
    );
    expect(c.ok).toBe(true);
    expect(c.message).toContain('1 validator(s) blacklisted for stake below the minimum (e.g. 5LowStake)');
    expect(c.fix).toMatch(/refused by design/);
  });

  it('is skipped, with the reason, while the miner is not running', () => {
    expect(refusalsCheck(undefined, false)).toMatchObject({ ok: true, skipped: true });
  });
});
