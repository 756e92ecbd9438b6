import { describe, expect, it } from 'vitest';
import { HashGuard, inputHash, DuplicateInputError } from '../../../core/validator/hash-guard.js';
import { queryableUids } from '../../../core/validator/queryable.js';
import { weightGate } from '../../../core/validator/weights/weight-gate.js';
import { weightVector } from '../../../core/validator/weights/weight-vector.js';
import { EvaluationData } from '../../../core/validator/scoring/evaluation-data.js';

describe('duplicate guard (§5.7)', () => {
  it('hashes the spec vector', () => {
    expect(inputHash({ list_items: [0.1, 0.25, 0.5, 0.84999, 0.123456789] })).toBe(
      '8885d28b7bb8f9503d281403fa7469d47a9915dee9170ba05958e5e71e100606',
    );
  });
  it('blocks a repeat within its window and forgets the oldest beyond it', () => {
    const guard = new HashGuard(3);
    guard.check({ a: 1 });
    expect(() => guard.check({ a: 1 })).toThrow(DuplicateInputError);
    guard.check({ a: 2 });
    guard.check({ a: 3 });
    guard.check({ a: 4 });
    expect(() => guard.check({ a: 1 })).not.toThrow();
    expect(() => guard.check({ a: 4 })).toThrow('Hash already exists');
  });
});

describe('queryable UIDs (§8.2)', () => {
  const neurons = [
    { uid: 0, stake: 5000, axonIp: '8.8.8.8' },
    { uid: 1, stake: 10, axonIp: '8.8.4.4' },
    { uid: 2, stake: 10, axonIp: '0.0.0.0' },
    { uid: 3, stake: 10, axonIp: '10.0.0.1' },
    { uid: 4, stake: 10, axonIp: '127.0.0.1' },
    { uid: 5, stake: 10, axonIp: '224.0.0.1' },
    { uid: 6, stake: 10, axonIp: '100.64.0.1' },
    { uid: 7, stake: 1023.9, axonIp: '1.2.3.4' },
    { uid: 8, stake: 10, axonIp: '::1' },
  ];
  it('mainnet: low stake and a global IPv4 axon', () => {
    expect(queryableUids(neurons, 2)).toEqual([1, 7]);
  });
  it('testnet 118: any stake', () => {
    expect(queryableUids(neurons, 118)).toEqual([0, 1, 7]);
  });
  it('practice: loopback and private axons too, never 0.0.0.0 or multicast', () => {
    expect(queryableUids(neurons, 2, { allowNonGlobalIps: true })).toEqual([1, 3, 4, 6, 7]);
  });
});

describe('weights (§10.2)', () => {
  it('gates on rate limit and epoch position', () => {
    expect(weightGate(5_000_200, 5_000_000, 2).ok).toBe(true);
    expect(weightGate(5_000_191, 5_000_000, 2).ok).toBe(false);
    expect(weightGate(5_000_192, 5_000_000, 2)).toMatchObject({ ok: true, blocksUntilNextEpoch: 15 });
    expect(weightGate(5_000_205, 5_000_110, 2)).toMatchObject({ ok: false, blocksSinceLastUpdate: 95 });
    expect(weightGate(5_000_205, 5_000_110, 2).reason).toMatch(/rate limit/);
  });
  it('burns 80 % to the owner and scales miners by 0.2', () => {
    const w = weightVector([0, 0.5, 0.25, 0], 4, 0);
    expect(w[0]).toBe(0.8);
    expect(w[1]).toBeCloseTo(0.1, 12);
    expect(w[2]).toBeCloseTo(0.05, 12);
    expect(w[3]).toBe(0);
  });
  it('without a registered owner copies scores; reproduces the UID-0-only quirk', () => {
    expect(weightVector([0, 0.5, 0.25], 3, undefined)).toEqual([0, 0.5, 0.25]);
    expect(weightVector([0.3, 0, 0], 3, undefined)).toEqual([0, 0, 0]);
  });
});

describe('evaluation data (§9.2)', () => {
  const item = (uid: number, rt: number, ok = true) => ({
    circuit_id: 'c',
    uid,
    minimum_response_time: 0,
    maximum_response_time: 60,
    proof_size: 100,
    response_time: rt,
    score: 0,
    verification_result: ok,
  });
  it('needs two successful times, else 0 / 60', () => {
    const d = new EvaluationData('c');
    d.update(item(1, 3));
    expect([d.minimumResponseTime, d.maximumResponseTime]).toEqual([0, 60]);
    d.update(item(2, 5));
    expect([d.minimumResponseTime, d.maximumResponseTime]).toEqual([3, 5]);
  });
  it('keeps one item per uid, ignores failures, takes the lower median of the top 5 %', () => {
    const d = new EvaluationData('c');
    for (let uid = 0; uid < 80; uid++) d.update(item(uid, (uid + 1) / 2));
    d.update(item(79, 0.25, false));
    // successful times 0.5…39.5: k = floor(79·0.05) = 3 → top [38.5, 39, 39.5], lower median 39
    expect(d.maximumResponseTime).toBe(39);
    for (let uid = 0; uid < 80; uid++) d.update(item(uid, (uid + 1) / 2));
    // 0.5…40: k = 4 → [38.5, 39, 39.5, 40], lower median 39
    expect(d.maximumResponseTime).toBe(39);
    expect(d.minimumResponseTime).toBe(0.5);
    d.update(item(5, 90));
    // top 4 now [39, 39.5, 40, 90]: lower median 39.5 (90 alone would be clamped to 60)
    expect(d.maximumResponseTime).toBe(39.5);
  });
});
