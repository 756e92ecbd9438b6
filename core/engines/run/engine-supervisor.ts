import type { CircuitStats, CoreEvent, ProofLogEntry } from '../../contract/index.js';
import { circuitStats } from '../../contract/proof-log-stats.js';
import { EngineEvents } from './engine-events.js';
import { EngineProcess } from './engine-process.js';
import { classifyExit, type ExitVerdict } from './exit-classifier.js';
import { udpPortHolder } from './port-holder.js';
import { CrashWindow, doublingBackoff } from '../../util/crash-window.js';

export interface SupervisorOptions {
  binary: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  emit: (event: CoreEvent) => void;
  /** For exit messages: the hotkey file the engine reads and its UDP port. */
  hotkeyFile: string;
  port: number;
  /** After the first start: the engine is restarting (`starting`) or back (`running`). */
  onState?: (state: 'starting' | 'running', detail: string) => void;
  /** SIGTERM → SIGKILL grace; the engine may finish one in-flight proof first (spec §2.8). Default 30 s. */
  stopTimeoutMs?: number;
  /** Restart back-off: doubles from `initialMs` up to `maxMs`. */
  backoff?: { initialMs: number; maxMs: number };
  /** Stop restarting after `max` crashes within `windowMs`. */
  crashLoop?: { max: number; windowMs: number };
}

export class EngineStartError extends Error {
  override readonly name = 'EngineStartError';
  constructor(
    message: string,
    readonly verdict?: ExitVerdict,
  ) {
    super(message);
  }
}

type RunResult = { ready: true } | { ready: false; verdict: ExitVerdict };

/**
 * Runs and watches one `sn2-miner` binary: start (resolves when the engine listens and runs), restart with
 * back-off on an unexpected exit, no restart for what a restart cannot fix (wallet, registration, port,
 * flags: spec §2.7), give up on a crash loop, graceful stop. Its output becomes app events (engine-events.ts).
 */
export class EngineSupervisor {
  private proc: EngineProcess | undefined;
  private readonly events: EngineEvents;
  private readonly recent: ProofLogEntry[] = [];
  private readonly crashes: CrashWindow;
  private readonly failureListeners: Array<(reason: string) => void> = [];
  private stopRequested = false;
  private wake: (() => void) | undefined;
  private report: (state: 'starting' | 'running', detail: string) => void = () => undefined;
  private readyNow: (() => void) | undefined;

  constructor(private readonly o: SupervisorOptions) {
    const loop = o.crashLoop ?? { max: 5, windowMs: 10 * 60_000 };
    this.crashes = new CrashWindow(loop.max, loop.windowMs);
    this.events = new EngineEvents({
      emit: (e) => this.onEvent(e),
      onPhase: (p) => {
        if (p.phase === 'starting') this.report('starting', p.detail);
        else if (p.phase === 'ready') this.readyNow?.();
      },
    });
  }

  /** The version the engine printed (S1), once it has. */
  get version(): string | undefined {
    return this.events.version;
  }

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  inFlight(): number {
    return this.events.tracker.inFlight;
  }

  stats(): CircuitStats[] {
    return circuitStats(this.recent);
  }

  onFailure(listener: (reason: string) => void): void {
    this.failureListeners.push(listener);
  }

  /** Start and wait until the engine is ready; retries what a retry can fix. Throws EngineStartError. */
  async start(progress: (detail: string) => void): Promise<void> {
    this.report = (_state, detail) => progress(detail);
    const error = await this.launchUntilReady();
    if (error) throw new EngineStartError(error.message, error);
    this.report = (state, detail) => this.o.onState?.(state, detail);
    void this.watch();
  }

  async stop(): Promise<void> {
    this.stopRequested = true;
    this.wake?.();
    await this.proc?.stop(this.o.stopTimeoutMs ?? 30_000);
  }

  private async watch(): Promise<void> {
    for (;;) {
      const proc = this.proc;
      if (!proc) return;
      const verdict = this.verdict(await proc.exited);
      if (this.stopRequested) return;
      let error: ExitVerdict | undefined = verdict.action === 'restart' ? undefined : verdict;
      if (!error) error = await this.retryAfter(verdict);
      if (!error) error = await this.launchUntilReady();
      if (this.stopRequested) return;
      if (error) {
        for (const l of this.failureListeners) l(error.message);
        return;
      }
      this.report('running', `sn2-miner ${this.version ?? ''} running again`.replace('  ', ' '));
    }
  }

  /** Launch until ready; undefined on success, else why not (a halt, a crash loop, or a stop). */
  private async launchUntilReady(): Promise<ExitVerdict | undefined> {
    for (;;) {
      if (this.stopRequested) return { action: 'stopped', kind: 'requested', message: 'stopped' };
      const run = await this.runOnce();
      if (run.ready) return undefined;
      if (run.verdict.action !== 'restart') return run.verdict;
      const error = await this.retryAfter(run.verdict);
      if (error) return error;
    }
  }

  /** Count the crash, wait the back-off; a crash loop or a stop ends the retries. */
  private async retryAfter(verdict: ExitVerdict): Promise<ExitVerdict | undefined> {
    const crash = this.crashes.record();
    if (crash.loop)
      return {
        action: 'halt',
        kind: verdict.kind,
        message: `sn2-miner crashed ${crash.count} times in ${Math.round(this.crashes.windowMs / 60_000)} min, not restarting it again; last: ${verdict.message}`,
      };
    const b = this.o.backoff ?? { initialMs: 2_000, maxMs: 60_000 };
    const delay = doublingBackoff(b.initialMs, b.maxMs)(crash.count);
    this.report('starting', `${verdict.message}; restarting in ${Math.ceil(delay / 1000)} s`);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, delay);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wake = undefined;
    return this.stopRequested ? { action: 'stopped', kind: 'requested', message: 'stopped' } : undefined;
  }

  private runOnce(): Promise<RunResult> {
    const proc = new EngineProcess({
      binary: this.o.binary,
      args: this.o.args,
      env: this.o.env,
      onStdout: (line) => this.events.stdout(line),
      onStderr: (line) => this.events.stderr(line),
    });
    this.proc = proc;
    return new Promise<RunResult>((resolve) => {
      this.readyNow = () => {
        this.readyNow = undefined;
        resolve({ ready: true });
      };
      void proc.exited.then((exit) => {
        this.readyNow = undefined;
        resolve({ ready: false, verdict: this.verdict(exit) });
      });
    });
  }

  private readonly verdicts = new WeakMap<object, ExitVerdict>();

  /** Classify an exit once (the same exit is seen by runOnce and watch) and close what it left open. */
  private verdict(exit: Awaited<EngineProcess['exited']>): ExitVerdict {
    const known = this.verdicts.get(exit);
    if (known) return known;
    const inUse = exit.stderr.some((l) => /address already in use|os error (98|48)/i.test(l));
    const v = classifyExit({
      ...exit,
      requested: this.stopRequested,
      hotkeyFile: this.o.hotkeyFile,
      port: this.o.port,
      portHolder: inUse ? udpPortHolder(this.o.port) : undefined,
    });
    this.verdicts.set(exit, v);
    this.events.exited(v.message);
    return v;
  }

  private onEvent(e: CoreEvent): void {
    this.o.emit(e);
    if (e.type !== 'proof') return;
    this.recent.push(e.entry);
    if (this.recent.length > 1000) this.recent.shift();
    this.o.emit({ type: 'circuitStats', stats: this.stats() });
  }
}
