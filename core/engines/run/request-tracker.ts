import type { ProofLogEntry } from '../../contract/index.js';
import type { SynapseType } from './engine-signal.js';

interface OpenRequest {
  synapse: SynapseType;
  circuit: string;
  slice?: string;
  receivedAt: number;
  provingSince?: number;
  validator?: string;
}

export interface TrackerContext {
  minerHotkey?: string;
  /** The validator of the last successful handshake: with a single admitted validator (spec §2.13), the sender. */
  validator?: string;
  prover: string;
  circuitName(id: string): string;
}

let seq = 0;
const nextId = () => `engine-${Date.now().toString(36)}-${(seq++).toString(36)}`;

/**
 * Pairs the engine's request, proof-start and proof-done lines into proof-log entries (spec sn2-2026.md §3.9):
 * no line carries a request id or a duration, so durations come from the lines' timestamps. With one request
 * in flight the pairing is exact; with several, a proof-done closes the oldest started request (FIFO) and the
 * entry is marked approximate. A failure closes the oldest open request of its synapse type (or any, for a
 * timeout, which does not name one).
 */
export class RequestTracker {
  private open: OpenRequest[] = [];
  private pendingValidator: string | undefined;

  constructor(private readonly ctx: TrackerContext) {}

  get inFlight(): number {
    return this.open.length;
  }

  /** Q0 (debug): the next request comes from this validator. */
  from(validator: string): void {
    this.pendingValidator = validator;
  }

  received(at: number, synapse: SynapseType, circuit: string, slice?: string): void {
    this.open.push({ synapse, circuit, slice, receivedAt: at, validator: this.pendingValidator });
    this.pendingValidator = undefined;
  }

  /** P1/P2: the oldest open request of this circuit (and slice) not yet proving; a proof with no request line opens one. */
  proving(at: number, circuit: string, slice?: string): void {
    const req = this.open.find(
      (r) =>
        r.provingSince === undefined && r.circuit === circuit && (slice === undefined || r.slice === slice),
    );
    if (req) req.provingSince = at;
    else
      this.open.push({
        synapse: 'dsperse-proof-generation',
        circuit,
        slice,
        receivedAt: at,
        provingSince: at,
      });
  }

  /** P3: closes the oldest proving request; null when none is open (a stray line). */
  done(at: number, proofBytes: number): ProofLogEntry | null {
    const approximate = this.open.length > 1;
    const index = this.open.findIndex((r) => r.provingSince !== undefined);
    if (index < 0) return null;
    const [req] = this.open.splice(index, 1);
    return this.entry(req, at, approximate, {
      status: 'proved',
      proveMs: at - (req.provingSince ?? req.receivedAt),
      proofBytes: Number.isFinite(proofBytes) ? proofBytes : undefined,
    });
  }

  /** E1/E2/E3: closes the oldest open request of `synapse` (any when undefined). */
  failed(at: number, synapse: string | undefined, reason: string, timedOut: boolean): ProofLogEntry | null {
    const approximate = this.open.length > 1;
    const index = this.open.findIndex((r) => synapse === undefined || r.synapse === synapse);
    if (index < 0) return null;
    const [req] = this.open.splice(index, 1);
    return this.entry(req, at, approximate, { status: timedOut ? 'timeout' : 'error', error: reason });
  }

  /** The engine stopped: every open request is lost (the validator sees a failure). */
  abandon(at: number, reason: string): ProofLogEntry[] {
    const lost = this.open.map((r) => this.entry(r, at, false, { status: 'error', error: reason }));
    this.open = [];
    return lost;
  }

  private entry(
    req: OpenRequest,
    at: number,
    approximate: boolean,
    outcome: Pick<ProofLogEntry, 'status'> & Partial<ProofLogEntry>,
  ): ProofLogEntry {
    const name = this.ctx.circuitName(req.circuit);
    return {
      id: nextId(),
      at,
      role: 'miner',
      route: req.synapse,
      circuitId: req.circuit,
      circuitName: req.slice ? `${name} ${req.slice}` : name,
      validatorHotkey: req.validator ?? this.ctx.validator,
      minerHotkey: this.ctx.minerHotkey,
      inputBytes: 0,
      totalMs: at - req.receivedAt,
      prover: this.ctx.prover,
      ...(approximate ? { approximate: true } : {}),
      ...outcome,
    };
  }
}
