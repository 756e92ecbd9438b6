import { describe, expect, it } from 'vitest';
import {
  PendingSignatures,
  type PendingRegistration,
} from '../../../core/service/handlers/pending-signatures.js';

const entry = (netuid: number): PendingRegistration => ({
  action: 'register',
  endpoint: 'ws://127.0.0.1:9944',
  netuid,
  hotkey: '5F1NHfcci5Vz4xQnZKSnaKua47jydnJMgcrKSweJ6Z2HjBgy',
  confirmBurnRao: 1n,
  payload: {} as PendingRegistration['payload'],
  validUntilBlock: 100,
});

describe('pending signing requests', () => {
  it('gives each prepared payload back once, by its id', () => {
    const pending = new PendingSignatures();
    const a = pending.add(entry(1));
    const b = pending.add(entry(2));
    expect(a).not.toBe(b);
    expect(pending.take(b).netuid).toBe(2);
    expect(pending.take(a).netuid).toBe(1);
    expect(() => pending.take(a)).toThrow(/unknown or was already used: prepare the transaction again/);
  });

  it('drops requests older than the time to live when new ones come in', () => {
    const pending = new PendingSignatures(1000);
    const old = pending.add(entry(1), 0);
    const fresh = pending.add(entry(2), 900);
    pending.add(entry(3), 1500);
    expect(() => pending.take(old)).toThrow(/unknown/);
    expect(pending.take(fresh).netuid).toBe(2);
  });
});
