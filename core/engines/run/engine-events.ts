import type { CoreEvent } from '../../contract/index.js';
import { classifyRecord, type EngineSignal } from './engine-signal.js';
import { parseLogRecord, stripAnsi, type LogRecord } from './log-record.js';
import { RequestTracker, type TrackerContext } from './request-tracker.js';

export type EnginePhase =
  | { phase: 'starting'; detail: string }
  | { phase: 'ready'; hotkey?: string; port: number }
  | { phase: 'stopping'; detail: string };

export interface EngineEventsOptions {
  emit: (event: CoreEvent) => void;
  /** Start-up phases and readiness, for the supervisor. */
  onPhase: (phase: EnginePhase) => void;
  /** Most `log` events per second; the rest are counted and reported once the second is over (flood guard). */
  maxLogsPerSecond?: number;
  now?: () => number;
}

const short = (id: string) => (id.length > 16 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id);

/**
 * Turns the engine's output into the app's events (spec sn2-2026.md §3.8): `status` phases (via onPhase),
 * `progress` for first-start circuit downloads, one `proof` per request done or failed, `notification`s for
 * what the user must know (refused handshakes, unregistered hotkey, axon not published), and `log` for the rest.
 * The same event types the v10 miner emits, so the proof log, metrics, Prometheus and doctor need nothing new.
 */
export class EngineEvents {
  readonly tracker: RequestTracker;
  version: string | undefined;
  private readonly names = new Map<string, string>();
  private readonly downloads = new Map<string, boolean>();
  private listening = false;
  private running: { hotkey?: string; port: number } | undefined;
  private last: LogRecord | undefined;
  private logWindow = { start: 0, count: 0, dropped: 0 };
  private readonly ctx: TrackerContext = {
    prover: 'sn2-miner',
    circuitName: (id) => this.names.get(id) ?? short(id),
  };

  constructor(private readonly o: EngineEventsOptions) {
    this.tracker = new RequestTracker(this.ctx);
  }

  /** One stdout line. */
  stdout(line: string): void {
    const record = parseLogRecord(line);
    if (!record) {
      // `Caused by:` blocks and anything else without a timestamp belong to the previous record (§3.1).
      const text = stripAnsi(line).trimEnd();
      if (text) this.log(this.last?.level === 'ERROR' ? 'error' : 'warn', text);
      return;
    }
    this.last = record;
    this.handle(classifyRecord(record), record);
  }

  /** One stderr line: exit errors, clap usage, panics, loader errors (§3.1). */
  stderr(line: string): void {
    const text = stripAnsi(line).trimEnd();
    if (text) this.log('error', text);
  }

  /** The process is gone: requests in flight are lost, downloads end unfinished. */
  exited(reason: string): void {
    const at = this.o.now?.() ?? Date.now();
    for (const entry of this.tracker.abandon(at, `engine stopped: ${reason}`))
      this.o.emit({ type: 'proof', entry });
    for (const [modelId, finished] of this.downloads)
      if (!finished) this.progress(modelId, 0, undefined, `engine stopped: ${reason}`);
    this.downloads.clear();
    this.listening = false;
    this.running = undefined;
  }

  private handle(s: EngineSignal, r: LogRecord): void {
    const emitProof = (entry: ReturnType<RequestTracker['done']>) =>
      entry && this.o.emit({ type: 'proof', entry });
    switch (s.kind) {
      case 'version':
        this.version = s.version;
        this.ctx.prover = `sn2-miner ${s.version}`;
        this.log('info', `sn2-miner ${s.version}`);
        return;
      case 'starting':
        this.o.onPhase({
          phase: 'starting',
          detail: `sn2-miner starting on ${s.network}, netuid ${s.netuid}…`,
        });
        return;
      case 'circuitsDownloading':
        this.downloads.set(s.modelId, s.done >= s.total);
        this.progress(s.modelId, s.done, s.total);
        this.o.onPhase({
          phase: 'starting',
          detail: `downloading circuits (model ${short(s.modelId)}: ${s.done}/${s.total}); not reachable until done`,
        });
        return;
      case 'circuitReady':
        this.names.set(s.id, s.name);
        return;
      case 'circuitFailed':
        this.log('warn', `circuit ${s.id ? short(s.id) : ''} not available: ${s.error}`.replace('  ', ' '));
        return;
      case 'repositoryUnreachable':
        this.notify('warning', 'Circuit repository unreachable', `running from the local cache: ${s.error}`);
        return;
      case 'circuitsLoaded':
        for (const [modelId, finished] of this.downloads) if (!finished) this.progress(modelId, 0, undefined);
        this.downloads.clear();
        this.log('info', `${s.count} circuit(s) loaded`);
        return;
      case 'listening':
        this.listening = true;
        this.ready();
        return;
      case 'running':
        this.running = { hotkey: s.hotkey, port: s.port };
        this.ctx.minerHotkey = s.hotkey ?? this.ctx.minerHotkey;
        this.ready();
        return;
      case 'axonPublished':
        this.log('info', `axon on chain: ${s.ip}:${s.port} (UDP)`);
        return;
      case 'axonPublishProblem':
        if (s.final)
          this.notify(
            'warning',
            'Axon not published on chain',
            `${s.detail}. Validators cannot find this miner until it is published: restart the miner once (the circuit cache is warm now)`,
          );
        else this.log('warn', s.detail);
        return;
      case 'hotkeyUnregistered':
        this.notify('error', 'Hotkey not registered', s.detail);
        return;
      case 'validatorConnected':
        this.ctx.validator = s.validator;
        this.log('info', `validator ${s.validator} connected: this miner is reachable from the Internet`);
        return;
      case 'validatorDisconnected':
        this.log('info', `connection from ${s.remote} closed: ${s.detail}`);
        return;
      case 'handshakeRejected':
        this.notify(
          'info',
          'Handshake refused',
          `the miner refused hotkey ${s.hotkey}: only the admitted validator may connect (a probe reaching this miner is refused this way too)`,
        );
        return;
      case 'handshakeError':
        this.log('warn', `handshake: ${s.detail}`);
        return;
      case 'requestFrom':
        this.tracker.from(s.validator);
        return;
      case 'requestReceived':
        this.tracker.received(r.at, s.synapse, s.circuit, s.slice);
        return;
      case 'circuitFetchOnDemand':
        this.log('info', `fetching circuit ${short(s.id)} for a request`);
        return;
      case 'proofStarted':
        this.tracker.proving(r.at, s.circuit, s.slice);
        return;
      case 'proofDone':
        emitProof(this.tracker.done(r.at, s.proofSize));
        return;
      case 'requestFailed':
        if (!emitProof(this.tracker.failed(r.at, s.synapse, s.reason, s.timedOut)))
          this.log('warn', r.message);
        return;
      case 'selfUpdate':
        this.log('warn', `engine self-update (should be off with --no-auto-update): ${s.detail}`);
        return;
      case 'stopping':
        this.o.onPhase({ phase: 'stopping', detail: s.detail });
        return;
      case 'other':
        this.log(
          r.level === 'ERROR' ? 'error' : r.level === 'WARN' ? 'warn' : r.level === 'INFO' ? 'info' : 'debug',
          r.message,
        );
        return;
    }
  }

  private ready(): void {
    if (this.listening && this.running) this.o.onPhase({ phase: 'ready', ...this.running });
  }

  private progress(modelId: string, done: number, total: number | undefined, error?: string): void {
    this.o.emit({
      type: 'progress',
      taskId: `engine.circuits.${modelId}`,
      label: `Downloading circuit ${short(modelId)} (first start)`,
      done,
      total,
      unit: 'items',
      finished: error !== undefined || total === undefined || done >= total,
      error,
    });
  }

  private notify(level: 'info' | 'warning' | 'error', title: string, body: string): void {
    this.o.emit({ type: 'notification', level, title, body });
    this.log(level === 'warning' ? 'warn' : level, `${title}: ${body}`);
  }

  private log(level: 'debug' | 'info' | 'warn' | 'error', msg: string): void {
    const now = this.o.now?.() ?? Date.now();
    const w = this.logWindow;
    if (now - w.start >= 1000) {
      if (w.dropped > 0)
        this.o.emit({
          type: 'log',
          level: 'warn',
          component: 'engine',
          msg: `${w.dropped} engine log line(s) not shown (more than ${this.o.maxLogsPerSecond ?? 200}/s)`,
          at: now,
        });
      this.logWindow = { start: now, count: 0, dropped: 0 };
    }
    if (this.logWindow.count >= (this.o.maxLogsPerSecond ?? 200)) {
      this.logWindow.dropped++;
      return;
    }
    this.logWindow.count++;
    this.o.emit({ type: 'log', level, component: 'engine', msg, at: now });
  }
}
