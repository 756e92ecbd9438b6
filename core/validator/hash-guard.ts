import { createHash } from 'node:crypto';
import { HASH_GUARD_SIZE } from '../sn2/constants.js';
import { pythonJsonDumps } from '../sn2/python-json.js';

export class DuplicateInputError extends Error {
  override readonly name = 'DuplicateInputError';
  constructor(readonly hash: string) {
    super('Hash already exists');
  }
}

/** SHA-256 of the input as Python `json.dumps(sort_keys=True)` writes it (§5.7). */
export const inputHash = (input: unknown): string =>
  createHash('sha256')
    .update(pythonJsonDumps(input, { sortKeys: true }))
    .digest('hex');

/** Refuses an input whose hash is among the last 32,768 seen (FIFO), as the upstream validator does. */
export class HashGuard {
  private readonly seen = new Set<string>();
  private readonly order: string[] = [];
  private head = 0;

  constructor(private readonly capacity = HASH_GUARD_SIZE) {}

  /** Records the input's hash; throws DuplicateInputError when it was seen already. */
  check(input: unknown): string {
    const hash = inputHash(input);
    if (this.seen.has(hash)) throw new DuplicateInputError(hash);
    this.seen.add(hash);
    this.order.push(hash);
    if (this.order.length - this.head > this.capacity) this.seen.delete(this.order[this.head++]);
    if (this.head > this.capacity) {
      this.order.splice(0, this.head);
      this.head = 0;
    }
    return hash;
  }
}
