import { existsSync, readFileSync, renameSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../../util/atomic-file.js';

/** What must be kept to reveal a CR v2 commit later (the salt exists nowhere else). */
export interface PendingReveal {
  netuid: number;
  hotkey: string;
  uids: number[];
  values: number[];
  salt: number[];
  versionKey: bigint;
  hash: `0x${string}`;
  /** Head when the commit was sent: its mortal era bounds when it can still be included. */
  submittedAtBlock: number;
  /** Inclusion block, once known. */
  commitBlock?: number;
}

const u16 = z.number().int().min(0).max(65535);
const PendingRevealSchema = z.object({
  netuid: u16,
  hotkey: z.string().min(1),
  uids: z.array(u16),
  values: z.array(u16),
  salt: z.array(u16),
  versionKey: z.string().regex(/^\d+$/),
  hash: z.string().regex(/^0x[0-9a-f]{64}$/),
  submittedAtBlock: z.number().int().nonnegative(),
  commitBlock: z.number().int().nonnegative().optional(),
});
const FileSchema = z.object({ version: z.literal(1), pending: z.array(PendingRevealSchema) });

/**
 * The CR v2 commits not yet revealed, in one file written atomically before and after every change:
 * a commit is recorded before it is submitted, so a kill -9 anywhere between commit and reveal still
 * leaves the salt on disk for the next start. A damaged file is kept aside (`.bad`), never silently lost.
 */
export class PendingRevealStore {
  private pending: PendingReveal[];

  constructor(private readonly path: string) {
    this.pending = this.load();
  }

  list(): readonly PendingReveal[] {
    return this.pending;
  }

  add(reveal: PendingReveal): void {
    this.pending = [...this.pending.filter((p) => p.hash !== reveal.hash), reveal];
    this.save();
  }

  remove(hash: string): void {
    const next = this.pending.filter((p) => p.hash !== hash);
    if (next.length === this.pending.length) return;
    this.pending = next;
    this.save();
  }

  private load(): PendingReveal[] {
    if (!existsSync(this.path)) return [];
    const parsed = FileSchema.safeParse(safeJson(readFileSync(this.path, 'utf8')));
    if (!parsed.success) {
      renameSync(this.path, `${this.path}.bad`);
      return [];
    }
    return parsed.data.pending.map((p) => ({
      ...p,
      versionKey: BigInt(p.versionKey),
      hash: p.hash as `0x${string}`,
    }));
  }

  private save(): void {
    const pending = this.pending.map((p) => ({ ...p, versionKey: p.versionKey.toString() }));
    writeFileAtomic(this.path, JSON.stringify({ version: 1, pending }, null, 1));
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
