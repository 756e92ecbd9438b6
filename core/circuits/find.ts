import { UserError } from '../util/errors.js';
import type { Circuit, CircuitStore } from './store.js';

/** A circuit by full id or unique id prefix (at least 4 hex chars), for humans typing ids. */
export function findCircuit(store: CircuitStore, idOrPrefix: string): Circuit {
  const q = idOrPrefix.toLowerCase().replace(/^model_/, '');
  if (store.has(q)) return store.get(q);
  const matches = q.length >= 4 ? store.list().filter((c) => c.id.startsWith(q)) : [];
  if (matches.length === 1) return matches[0];
  if (q.length < 4 && store.list().some((c) => c.id.startsWith(q)))
    throw new UserError(`circuit id prefix "${idOrPrefix}" is too short: give at least 4 characters`);
  throw new UserError(
    matches.length > 1
      ? `circuit id "${idOrPrefix}" is ambiguous: ${matches.map((c) => c.id.slice(0, 12)).join(', ')}`
      : `unknown circuit "${idOrPrefix}" (see "sn2 circuits list")`,
  );
}
