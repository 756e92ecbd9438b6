import { existsSync, readFileSync } from 'node:fs';
import { ProofLogEntrySchema, type ProofLogEntry, type CircuitStats } from '../contract/events.js';
import { circuitStats } from '../contract/proof-log-stats.js';
import { RotatingFile } from '../util/rotating-file.js';

/** The proof log, persisted as JSON lines (one entry per line) and kept in memory for the UI. */
export class ProofLog {
  private readonly file: RotatingFile;
  private readonly recent: ProofLogEntry[];

  constructor(
    readonly path: string,
    private readonly memoryLimit = 10_000,
  ) {
    this.file = new RotatingFile(path, 50 * 1024 * 1024, 5);
    this.recent = readEntries(path).slice(-memoryLimit);
  }

  append(entry: ProofLogEntry): void {
    this.file.write(`${JSON.stringify(entry)}\n`);
    this.recent.push(entry);
    if (this.recent.length > this.memoryLimit) this.recent.splice(0, this.recent.length - this.memoryLimit);
  }

  list(filter: { limit: number; circuitId?: string; status?: string; hotkey?: string }): ProofLogEntry[] {
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

  stats(role?: ProofLogEntry['role']): CircuitStats[] {
    return circuitStats(role ? this.recent.filter((e) => e.role === role) : this.recent);
  }
}

/** Reads a proof log, skipping (not failing on) a torn or hand-damaged line. */
function readEntries(path: string): ProofLogEntry[] {
  if (!existsSync(path)) return [];
  const entries: ProofLogEntry[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = ProofLogEntrySchema.safeParse(JSON.parse(line));
      if (parsed.success) entries.push(parsed.data);
    } catch {
      // a line cut by a crash: skip it
    }
  }
  return entries;
}
