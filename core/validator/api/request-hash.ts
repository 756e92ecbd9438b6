import { createHash } from 'node:crypto';
import { pyStr, type PyDict } from '../../bittensor/wire/index.js';

/** Keys the upstream `RealWorldRequest.hash` leaves out (they change per query, not per request). */
const UNHASHED_KEYS = new Set(['validator_uid', 'nonce', 'uid_responsible_for_proof']);

/** Spec §11 `hash`: SHA-256 hex of Python `str(inputs)` without the per-query keys. */
export function externalRequestHash(inputs: PyDict): string {
  const kept: PyDict = new Map([...inputs].filter(([k]) => !(typeof k === 'string' && UNHASHED_KEYS.has(k))));
  return createHash('sha256').update(pyStr(kept), 'utf8').digest('hex');
}
