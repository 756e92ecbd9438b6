import type { ServedRequest } from '../contract/served-request.js';
import type { RefusalCaller, RefusalReason, RefusalSummary } from '../contract/refusals.js';

/** The refusal a served request stands for, or undefined for answers that are not refusals. */
export function refusalReason(r: Pick<ServedRequest, 'status' | 'message'>): RefusalReason | undefined {
  switch (r.status) {
    case 401:
      // The SDK's nonce messages (core/bittensor/wire/nonce-rules.ts).
      if (r.message.includes('Nonce is too old: acceptable delta')) return 'stale-nonce';
      if (r.message.includes('a newer one was last processed')) return 'replayed-nonce';
      return 'bad-signature';
    case 403:
      return 'blacklisted';
    case 429:
      return 'rate-limited';
    case 500:
      return 'internal-error';
    case 503:
      return 'queue-full';
    case 408:
      return 'timeout';
    case 413:
      return 'too-large';
    default:
      return r.status >= 400 && r.status !== 404 && r.status !== 499 ? 'other' : undefined;
  }
}

export interface RefusalTrackerOptions {
  /** One aggregated line per window with refusals in it (the only way refusals reach the log). */
  log: (level: 'warn' | 'error', msg: string) => void;
  /** The summary for the UI, at most once per `eventEveryMs` while refusals happen. */
  onSummary: (summary: RefusalSummary) => void;
  logEveryMs?: number;
  eventEveryMs?: number;
  /** Callers remembered (the most recently refused); bounded whatever a flood of fresh keys does. */
  maxCallers?: number;
  now?: () => number;
}

const TOP = 20;

/**
 * Counts the axon's refusals by reason and caller and reports them aggregated: a flood of refused
 * requests becomes one log line a minute and one UI update every 2 s, never a line per request.
 */
export class RefusalTracker {
  private readonly since: number;
  private total = 0;
  private readonly byReason: Partial<Record<RefusalReason, number>> = {};
  private readonly callers = new Map<string, RefusalCaller>();
  private readonly recentErrors: RefusalSummary['recentErrors'] = [];
  private window = new Map<RefusalReason, { count: number; callers: Set<string>; example: string }>();
  private readonly logTimer: NodeJS.Timeout;
  private eventTimer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(private readonly o: RefusalTrackerOptions) {
    this.now = o.now ?? Date.now;
    this.since = this.now();
    this.logTimer = setInterval(() => this.flushLog(), o.logEveryMs ?? 60_000);
    this.logTimer.unref();
  }

  record(request: ServedRequest): void {
    const reason = refusalReason(request);
    if (!reason) return;
    const at = this.now();
    const caller = request.hotkey ?? `ip ${request.peerIp}`;
    this.total++;
    this.byReason[reason] = (this.byReason[reason] ?? 0) + 1;
    this.remember(caller, reason, at, request.message);
    if (reason === 'internal-error') {
      this.recentErrors.unshift({
        id: request.errorId ?? '?',
        at,
        message: request.internalError ?? request.message,
      });
      this.recentErrors.length = Math.min(this.recentErrors.length, 10);
    }
    const w = this.window.get(reason) ?? { count: 0, callers: new Set<string>(), example: '' };
    w.count++;
    if (w.callers.size < 1000) w.callers.add(caller);
    w.example = `${caller}: ${request.message}`;
    this.window.set(reason, w);
    this.eventTimer ??= setTimeout(() => {
      this.eventTimer = undefined;
      this.o.onSummary(this.summary());
    }, this.o.eventEveryMs ?? 2_000);
  }

  summary(): RefusalSummary {
    const topCallers = [...this.callers.values()].sort((a, b) => b.count - a.count).slice(0, TOP);
    return {
      since: this.since,
      total: this.total,
      byReason: { ...this.byReason },
      topCallers: topCallers.map((c) => ({ ...c })),
      recentErrors: this.recentErrors.map((e) => ({ ...e })),
    };
  }

  /** Write what is pending, stop the timers. */
  stop(): void {
    clearInterval(this.logTimer);
    if (this.eventTimer) {
      clearTimeout(this.eventTimer);
      this.eventTimer = undefined;
      this.o.onSummary(this.summary());
    }
    this.flushLog();
  }

  /** Callers in least-recently-refused order: a flood of fresh keys evicts only the quiet ones, in O(1). */
  private remember(caller: string, reason: RefusalReason, at: number, message: string): void {
    const key = `${reason}\u0000${caller}`;
    const known = this.callers.get(key);
    if (known) this.callers.delete(key);
    else if (this.callers.size >= (this.o.maxCallers ?? 1000))
      this.callers.delete(this.callers.keys().next().value as string);
    this.callers.set(key, {
      caller,
      reason,
      count: (known?.count ?? 0) + 1,
      lastAt: at,
      lastMessage: message,
    });
  }

  private flushLog(): void {
    if (this.window.size === 0) return;
    const parts = [...this.window.entries()]
      .sort((a, b) => b[1].count - a[1].count)
      .map(
        ([reason, w]) =>
          `${w.count} ${reason} from ${w.callers.size}${w.callers.size >= 1000 ? '+' : ''} caller(s) (e.g. ${w.example})`,
      );
    const count = [...this.window.values()].reduce((n, w) => n + w.count, 0);
    const level = this.window.has('internal-error') ? 'error' : 'warn';
    this.window = new Map();
    this.o.log(level, `axon refused ${count} request(s) since the last report: ${parts.join('; ')}`);
  }
}
