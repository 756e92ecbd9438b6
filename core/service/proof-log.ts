import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { ProofLogEntrySchema, type ProofLogEntry, type CircuitStats } from '../contract/events.js';
import { circuitStats } from '../contract/proof-log-stats.js';
import { RotatingFile } from '../util/rotating-file.js';

/**
 * The proof log, persisted as JSON lines (one entry per line) and kept in memory for the UI. The file
 * (up to 50 MB) is read in the background at start, streamed line by line; reads wait for it, appends
 * do not. Appends stay synchronous whole-line writes: one per proof, and a record must survive a crash.
 */
export class ProofLog {
  private readonly file: RotatingFile;
  private recent: ProofLogEntry[] = [];
  /** Settles when the entries already on disk are in memory (never rejects: a bad file reads as empty). */
  readonly ready: Promise<void>;

  constructor(
    readonly path: string,
    private readonly memoryLimit = 10_000,
  ) {
    // Only the bytes present now are read back: lines appended meanwhile are already in memory.
    const size = statSync(path, { throwIfNoEntry: false })?.size ?? 0;
    this.file = new RotatingFile(path, 50 * 1024 * 1024, 5);
    this.ready = readEntries(path, size, memoryLimit).then(
      (older) => this.prepend(older),
      () => undefined,
    );
  }

  append(entry: ProofLogEntry): void {
    this.file.write(`${JSON.stringify(entry)}\n`);
    this.recent.push(entry);
    this.trim();
  }

  async list(filter: {
    limit: number;
    circuitId?: string;
    status?: string;
    hotkey?: string;
  }): Promise<ProofLogEntry[]> {
    await this.ready;
    const out: ProofLogEntry[] = [];
    for (let i = this.recent.length - 1; i >= 0 && out.length < filter.limit; i--) {
      const e = this.recent[i];
      if (filter.circuitId && e.circuitId !== filter.circuitId) continue;
      if (filter.status && e.status !== filter.status) continue;
      if (filter.hotkey && e.validatorHotkey !== filter.hotkey && e.minerHotkey !== filter.hotkey) continue;
      out.push(e);
    }
    return out;
  }

  async stats(role?: ProofLogEntry['role']): Promise<CircuitStats[]> {
    await this.ready;
    return circuitStats(role ? this.recent.filter((e) => e.role === role) : this.recent);
  }

  private prepend(older: ProofLogEntry[]): void {
    this.recent = older.concat(this.recent);
    this.trim();
  }

  private trim(): void {
    if (this.recent.length > this.memoryLimit) this.recent.splice(0, this.recent.length - this.memoryLimit);
  }
}

/** Streams the first `bytes` of a proof log, keeping the last `keep` entries; a torn or damaged line is skipped. */
async function readEntries(path: string, bytes: number, keep: number): Promise<ProofLogEntry[]> {
  if (bytes === 0) return [];
  const entries: ProofLogEntry[] = [];
  const lines = createInterface({
    input: createReadStream(path, { start: 0, end: bytes - 1 }),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (!line.trim()) continue;
    try {
      const parsed = ProofLogEntrySchema.safeParse(migrate(JSON.parse(line)));
      if (parsed.success) entries.push(parsed.data);
    } catch {
      // a line cut by a crash: skip it
    }
    if (entries.length > 2 * keep) entries.splice(0, entries.length - keep);
  }
  return entries.slice(-keep);
}

/**
 * Lines written before miner rows said what they know: a miner's "verified" was its own check of the
 * proof it had sent (with `verifyMs`), or only the reply (without).
 */
function migrate(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const e = raw as { role?: unknown; status?: unknown; verifyMs?: unknown };
  if (e.role !== 'miner' || e.status !== 'verified') return raw;
  return { ...e, status: e.verifyMs === undefined ? 'served' : 'self-checked' };
}
