import { randomUUID } from 'node:crypto';
import type { SignerPayloadJSON } from '@polkadot/types/types';
import { UserError } from '../../util/errors.js';

/** What the core prepared for a browser extension to sign, kept until the signature comes back. */
export interface PendingRegistration {
  action: 'register';
  endpoint: string;
  netuid: number;
  hotkey: string;
  confirmBurnRao: bigint;
  payload: SignerPayloadJSON;
  validUntilBlock: number;
}

/** Prepared payloads by request id; each is used once. Old ones are dropped after `ttlMs`. */
export class PendingSignatures {
  private readonly pending = new Map<string, { entry: PendingRegistration; at: number }>();

  constructor(private readonly ttlMs = 30 * 60_000) {}

  add(entry: PendingRegistration, now = Date.now()): string {
    for (const [id, p] of this.pending) if (now - p.at > this.ttlMs) this.pending.delete(id);
    const id = randomUUID();
    this.pending.set(id, { entry, at: now });
    return id;
  }

  take(id: string): PendingRegistration {
    const p = this.pending.get(id);
    if (!p)
      throw new UserError(
        'this signing request is unknown or was already used: prepare the transaction again',
      );
    this.pending.delete(id);
    return p.entry;
  }
}
