/**
 * Which Groth16 prover serves each circuit: the fastest one measured on this machine, snarkjs always
 * last as the fallback. Measurements are kept in a file with a fingerprint of the provers they were
 * made with (names, paths, sizes, modification times); a different set of provers starts afresh, so a
 * new or replaced binary is measured again. A prover that fails a request is demoted for that circuit
 * until the app restarts.
 *
 *   const choice = new ProverChoice({ available: ['snarkjs', 'rapidsnark'], file, fingerprint });
 *   choice.order(circuitId)              → ['rapidsnark', 'snarkjs']   (try in this order)
 *   choice.record(circuitId, 'rapidsnark', { ms: 24 });   choice.demote(circuitId, 'rapidsnark', why);
 */
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../../util/atomic-file.js';
import type { Groth16ProverName } from '../native/native-groth16.js';

/** Before anything is measured: GPU first, then rapidsnark (about 5× snarkjs on a CPU), then snarkjs. */
const DEFAULT_PREFERENCE: Groth16ProverName[] = ['icicle-snark', 'rapidsnark', 'snarkjs'];

const MeasurementSchema = z.object({
  ms: z.number().nullable(),
  error: z.string().optional(),
  at: z.number(),
});
export type Measurement = z.infer<typeof MeasurementSchema>;
const StoredSchema = z.object({
  fingerprint: z.string(),
  circuits: z.record(z.string(), z.record(z.string(), MeasurementSchema)),
});

export interface ChoiceRow {
  circuitId: string;
  prover: Groth16ProverName;
  ms: number | null;
  error?: string;
  demoted?: string;
  chosen: boolean;
}

/** Identifies a set of native binaries: a new, moved or rebuilt binary changes it. */
export function proverFingerprint(natives: Array<{ name: string; path: string }>): string {
  return natives
    .map(({ name, path }) => {
      try {
        const s = statSync(path);
        return `${name}=${path}:${s.size}:${Math.round(s.mtimeMs)}`;
      } catch {
        return `${name}=${path}:missing`;
      }
    })
    .sort()
    .join('|');
}

export class ProverChoice {
  readonly available: Groth16ProverName[];
  private readonly circuits: Record<string, Record<string, Measurement>>;
  private readonly demoted = new Map<string, string>();

  constructor(
    private readonly o: { available: Groth16ProverName[]; file: string | null; fingerprint: string },
  ) {
    this.available = DEFAULT_PREFERENCE.filter((p) => p === 'snarkjs' || o.available.includes(p));
    this.circuits = this.load();
  }

  private load(): Record<string, Record<string, Measurement>> {
    if (!this.o.file) return {};
    try {
      const stored = StoredSchema.parse(JSON.parse(readFileSync(this.o.file, 'utf8')));
      return stored.fingerprint === this.o.fingerprint ? stored.circuits : {};
    } catch {
      return {}; // absent or unreadable: measure again
    }
  }

  private save(): void {
    if (!this.o.file) return;
    const data = { fingerprint: this.o.fingerprint, circuits: this.circuits };
    writeFileAtomic(this.o.file, `${JSON.stringify(data, null, 2)}\n`);
  }

  /** Provers to try for `circuitId`, best first; snarkjs is always there, last if nothing beats it. */
  order(circuitId: string): Groth16ProverName[] {
    const m = this.circuits[circuitId] ?? {};
    const usable = this.available.filter(
      (p) => p === 'snarkjs' || (!this.demoted.has(`${circuitId}:${p}`) && !m[p]?.error),
    );
    const rank = (p: Groth16ProverName) => m[p]?.ms ?? null;
    const fastestFirst = (list: Groth16ProverName[]) =>
      list.filter((p) => rank(p) !== null).sort((a, b) => rank(a)! - rank(b)!);
    if (usable.every((p) => rank(p) !== null)) return fastestFirst(usable);
    // Not all measured yet: untried native provers first (in the default preference), snarkjs last.
    const untried = usable.filter((p) => p !== 'snarkjs' && rank(p) === null);
    const rest = fastestFirst(usable);
    return rank('snarkjs') === null ? [...untried, ...rest, 'snarkjs'] : [...untried, ...rest];
  }

  chosen(circuitId: string): Groth16ProverName {
    return this.order(circuitId)[0];
  }

  /** The available provers not measured yet for `circuitId`. */
  unmeasured(circuitId: string): Groth16ProverName[] {
    return this.available.filter((p) => !this.circuits[circuitId]?.[p]);
  }

  record(circuitId: string, prover: Groth16ProverName, result: { ms: number } | { error: string }): void {
    const entry: Measurement =
      'ms' in result ? { ms: result.ms, at: Date.now() } : { ms: null, error: result.error, at: Date.now() };
    (this.circuits[circuitId] ??= {})[prover] = entry;
    this.save();
  }

  demote(circuitId: string, prover: Groth16ProverName, reason: string): void {
    if (prover !== 'snarkjs') this.demoted.set(`${circuitId}:${prover}`, reason);
  }

  /** Every measured (circuit, prover) pair, with the current choice marked. */
  table(): ChoiceRow[] {
    return Object.entries(this.circuits).flatMap(([circuitId, byProver]) => {
      const chosen = this.chosen(circuitId);
      return this.available
        .filter((p) => byProver[p])
        .map((prover) => ({
          circuitId,
          prover,
          ms: byProver[prover].ms,
          ...(byProver[prover].error ? { error: byProver[prover].error } : {}),
          ...(this.demoted.has(`${circuitId}:${prover}`)
            ? { demoted: this.demoted.get(`${circuitId}:${prover}`) }
            : {}),
          chosen: prover === chosen,
        }));
    });
  }
}
