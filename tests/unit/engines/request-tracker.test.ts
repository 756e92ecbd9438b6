import { describe, expect, it } from 'vitest';
import { RequestTracker } from '../../../core/engines/run/request-tracker.js';

const make = () =>
  new RequestTracker({
    prover: 'sn2-miner 14.6.0',
    validator: '5CFx',
    minerHotkey: '5Me',
    circuitName: (id) => `model ${id}`,
  });

describe('RequestTracker (spec sn2-2026.md §3.9 duration inference)', () => {
  it('pairs one request exactly: service time Q→P3, prove time P→P3', () => {
    const t = make();
    t.received(1000, 'dsperse-proof-generation', 'c1', 'slice_3');
    t.proving(1010, 'c1', 'slice_3');
    const e = t.done(3760, 310544)!;
    expect(e).toMatchObject({
      route: 'dsperse-proof-generation',
      circuitId: 'c1',
      circuitName: 'model c1 slice_3',
      totalMs: 2760,
      proveMs: 2750,
      proofBytes: 310544,
      status: 'proved',
      validatorHotkey: '5CFx',
      minerHotkey: '5Me',
      prover: 'sn2-miner 14.6.0',
    });
    expect(e.approximate).toBeUndefined();
    expect(t.inFlight).toBe(0);
  });

  it('with several in flight: FIFO to the oldest proving request, marked approximate', () => {
    const t = make();
    t.received(0, 'query-zk-proof', 'a');
    t.received(5, 'dsperse-proof-generation', 'b', 'slice_1');
    t.proving(6, 'b', 'slice_1');
    t.proving(7, 'a');
    const first = t.done(100, 1)!;
    expect([first.circuitId, first.approximate]).toEqual(['a', true]);
    const second = t.done(200, 1)!;
    expect([second.circuitId, second.approximate, second.totalMs]).toEqual(['b', undefined, 195]);
  });

  it('a failure closes the oldest request of its type; a timeout the oldest of any', () => {
    const t = make();
    t.received(0, 'query-zk-proof', 'a');
    t.received(1, 'dsperse-proof-generation', 'b');
    const e1 = t.failed(50, 'dsperse-proof-generation', 'bad input', false)!;
    expect([e1.circuitId, e1.status, e1.error]).toEqual(['b', 'error', 'bad input']);
    const e2 = t.failed(180_000, undefined, 'Handler timed out after 180s', true)!;
    expect([e2.circuitId, e2.status]).toEqual(['a', 'timeout']);
    expect(t.failed(1, undefined, 'x', false)).toBeNull();
  });

  it('a proof-done with nothing open is ignored; a stop abandons what is open', () => {
    const t = make();
    expect(t.done(1, 1)).toBeNull();
    t.received(0, 'proof-of-weights', 'v');
    expect(t.abandon(10, 'engine stopped').map((e) => e.status)).toEqual(['error']);
    expect(t.inFlight).toBe(0);
  });

  it('uses the validator named by Q0 when the debug line is there', () => {
    const t = make();
    t.from('5Other');
    t.received(0, 'query-zk-proof', 'a');
    t.proving(1, 'a');
    expect(t.done(2, 1)!.validatorHotkey).toBe('5Other');
  });
});
