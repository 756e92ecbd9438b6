import type { IdleReading } from '../contract/core-channel.js';
import { errorMessage } from '../util/errors.js';
import type { IdleSource } from './idle-source.js';

/** What "mine only while the computer is idle" decides right now. */
export type IdleGateState =
  /** The user is away (or the screen is locked): new work is taken. */
  | { accepting: true; detail: string }
  /** The user is at the computer: new work is refused, proofs already started finish. */
  | { accepting: false; detail: string };

export interface IdleGateOptions {
  source: IdleSource;
  /** Seconds without keyboard/mouse input after which the computer counts as idle. */
  thresholdSeconds: number;
  /** ms between readings; default 5 s. */
  pollMs?: number;
  /** Called on every change of decision (and once with the first one). */
  onChange: (state: IdleGateState) => void;
}

const minutes = (s: number) => (s >= 120 ? `${Math.round(s / 60)} min` : `${Math.round(s)} s`);

/**
 * Decides from one reading. The rule when nobody can tell (a server without a display, no idle tool):
 * treat the computer as idle, since a machine with no interactive session has no user to make room
 * for; the detail says so, so the choice is never silent.
 */
export function decide(reading: IdleReading, thresholdSeconds: number): IdleGateState {
  if (reading.kind === 'unknown')
    return { accepting: true, detail: `mining: idle state unknown (${reading.why}), treated as idle` };
  if (reading.locked) return { accepting: true, detail: 'mining while the screen is locked' };
  if (reading.idleSeconds >= thresholdSeconds)
    return {
      accepting: true,
      detail: `mining: the computer has been idle for ${minutes(reading.idleSeconds)}`,
    };
  return {
    accepting: false,
    detail:
      `paused: the computer is in use (mine only while idle); new proofs resume after ` +
      `${minutes(thresholdSeconds)} without keyboard or mouse input`,
  };
}

/** Polls an idle source and tells the miner when to refuse or take new work again. */
export class IdleGate {
  private current: IdleGateState | undefined;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;

  constructor(private readonly o: IdleGateOptions) {}

  /** The latest decision; before the first reading the miner does not take work. */
  get state(): IdleGateState {
    return this.current ?? { accepting: false, detail: 'paused: checking whether the computer is idle' };
  }

  /** First reading now (awaited), then one every `pollMs`. */
  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), this.o.pollMs ?? 5_000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Take one reading and apply it (readings never overlap). */
  check(): Promise<void> {
    this.polling ??= this.readOnce().finally(() => (this.polling = undefined));
    return this.polling;
  }

  private async readOnce(): Promise<void> {
    let reading: IdleReading;
    try {
      reading = await this.o.source();
    } catch (err) {
      reading = { kind: 'unknown', why: `the idle check failed: ${errorMessage(err)}` };
    }
    const next = decide(reading, this.o.thresholdSeconds);
    const changed =
      !this.current || this.current.accepting !== next.accepting || this.current.detail !== next.detail;
    // The idle time grows every poll; only a change of decision (or of why) is news.
    const news = !this.current || this.current.accepting !== next.accepting || reading.kind === 'unknown';
    this.current = next;
    if (changed && news) this.o.onChange(next);
  }
}
