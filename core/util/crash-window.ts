/** The crashes of a supervised process within a sliding window: after `max` of them it is a crash loop. */
export class CrashWindow {
  private readonly times: number[] = [];

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Counts a crash at `now`: how many fall within the window, and whether that makes a crash loop. */
  record(now = Date.now()): { count: number; loop: boolean } {
    this.times.push(now);
    while (this.times.length && this.times[0] < now - this.windowMs) this.times.shift();
    return { count: this.times.length, loop: this.times.length >= this.max };
  }
}

/** Restart delay after the n-th crash in a row: `initialMs`, doubling each time, at most `maxMs`. */
export const doublingBackoff =
  (initialMs: number, maxMs: number) =>
  (attempt: number): number =>
    Math.min(maxMs, initialMs * 2 ** (attempt - 1));
