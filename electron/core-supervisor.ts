// Main process: runs the core in its own process and keeps it alive. A crashed core is restarted with
// back-off (and the miner/validator it was running started again), the UI is told, and after a crash
// loop the supervisor stops trying and says where the log is. Commands cross as bridge envelopes.
import { EventEmitter } from 'node:events';
import type { BridgeResponse } from '../core/contract/bridge.js';
import {
  CoreToMainSchema,
  type CoreToMain,
  type IdleReading,
  type MainToCore,
  type NativePathChange,
  type SettingsProblem,
} from '../core/contract/core-channel.js';
import type { CommandName, CommandOutput, CoreEvent } from '../core/contract/index.js';
import { commandResult } from './command-result.js';
import { CrashWindow, doublingBackoff } from '../core/util/crash-window.js';

/** The core's process as the supervisor needs it: Electron's UtilityProcess, or a forked Node child. */
export interface CoreChild {
  postMessage(message: MainToCore): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number) => void): void;
  kill(): void;
}

export interface SupervisorOptions {
  spawn: () => CoreChild;
  /** Ask the user, outside the renderer, whether the core may run a native executable. */
  confirmNativePath: (change: NativePathChange) => Promise<boolean>;
  /** The settings file was refused at start: start from defaults (the file kept aside) or quit. */
  onSettingsInvalid: (problem: SettingsProblem) => Promise<'reset' | 'quit'>;
  log: (msg: string) => void;
  /** Wait before the n-th restart in a row (1-based); default 1 s doubling up to 30 s. */
  backoffMs?: (attempt: number) => number;
  /** Give up after `crashes` crashes within `windowMs`; default 5 in 10 minutes. */
  crashLoop?: { crashes: number; windowMs: number };
}

type Role = 'miner' | 'validator';
type Phase = 'starting' | 'running' | 'restarting' | 'given-up' | 'closing' | 'closed';
export type StartOutcome = 'ready' | 'quit' | 'given-up';

const defaultBackoff = doublingBackoff(1_000, 30_000);
const failure = (code: 'unavailable' | 'failed', message: string): BridgeResponse => ({
  ok: false,
  error: { code, message },
});

export class CoreSupervisor {
  private readonly events = new EventEmitter();
  private readonly pending = new Map<number, { command: string; done: (r: BridgeResponse) => void }>();
  private readonly crashes: CrashWindow;
  /** What the miner and validator were doing, from the core's status events (restored after a crash). */
  private readonly roles: Record<Role, string> = { miner: 'stopped', validator: 'stopped' };
  private child: CoreChild | undefined;
  private phase: Phase = 'starting';
  private nextId = 0;
  private logFile = 'the log folder';
  private restartTimer: NodeJS.Timeout | undefined;
  private whenReady: { resolve: (r: StartOutcome) => void } | undefined;
  private exited: Promise<void> = Promise.resolve();
  private lastIdle: IdleReading | undefined;

  constructor(private readonly o: SupervisorOptions) {
    this.events.setMaxListeners(100);
    const loop = o.crashLoop ?? { crashes: 5, windowMs: 600_000 };
    this.crashes = new CrashWindow(loop.crashes, loop.windowMs);
  }

  /** Start the core: resolves once it serves commands, the user chose to quit, or it crash-looped. */
  start(): Promise<StartOutcome> {
    return new Promise((resolve) => {
      this.whenReady = { resolve };
      this.spawn();
    });
  }

  get state(): Phase {
    return this.phase;
  }

  onEvent(listener: (event: CoreEvent) => void): () => void {
    this.events.on('event', listener);
    return () => this.events.off('event', listener);
  }

  /** An event from the main process itself (update state, notifications) to every UI. */
  emit(event: CoreEvent): void {
    this.events.emit('event', event);
  }

  /** One raw bridge envelope from the renderer, answered by the core process (which validates it). */
  dispatch(request: unknown): Promise<BridgeResponse> {
    const child = this.child;
    if (this.phase !== 'running' || !child) return Promise.resolve(this.unavailable());
    const id = ++this.nextId;
    const command = commandLabel(request);
    return new Promise((done) => {
      this.pending.set(id, { command, done });
      child.postMessage({ t: 'invoke', id, request });
    });
  }

  async invoke<N extends CommandName>(name: N, input: unknown): Promise<CommandOutput<N>> {
    return commandResult(name, await this.dispatch({ command: name, input }));
  }

  /** The latest OS idle reading, for `mining.idleOnly`. */
  sendIdle(reading: IdleReading): void {
    this.lastIdle = reading;
    if (this.phase === 'running') this.child?.postMessage({ t: 'idle', reading });
  }

  /** Stop the core: it stops the miner/validator and lets in-flight proofs finish, then exits. */
  async close(): Promise<void> {
    clearTimeout(this.restartTimer);
    const child = this.child;
    const wasLive = this.phase === 'running' || this.phase === 'starting';
    this.phase = 'closing';
    if (child && wasLive) {
      child.postMessage({ t: 'close' });
      await this.exited;
    }
    this.phase = 'closed';
  }

  private unavailable(): BridgeResponse {
    if (this.phase === 'given-up')
      return failure(
        'unavailable',
        `the core stopped after crashing repeatedly and was not restarted; see ${this.logFile}, then restart the app`,
      );
    if (this.phase === 'restarting')
      return failure('unavailable', 'the core is restarting: try again in a moment');
    return failure('unavailable', `the core is ${this.phase === 'starting' ? 'starting' : 'shut down'}`);
  }

  private spawn(): void {
    const child = this.o.spawn();
    this.child = child;
    this.phase = 'starting';
    let exitedNow: () => void = () => undefined;
    this.exited = new Promise((r) => (exitedNow = r));
    child.onMessage((raw) => {
      const message = CoreToMainSchema.safeParse(raw);
      if (message.success) this.onMessage(child, message.data);
      else this.o.log(`core process sent a malformed message: ${message.error.message}`);
    });
    child.onExit((code) => {
      exitedNow();
      this.onExit(child, code);
    });
  }

  private onMessage(child: CoreChild, message: CoreToMain): void {
    if (child !== this.child) return;
    switch (message.t) {
      case 'ready':
        this.logFile = message.logFile;
        this.becameReady(child);
        return;
      case 'settings-invalid':
        void this.o.onSettingsInvalid(message.problem).then((choice) => {
          if (choice === 'reset') child.postMessage({ t: 'reset-settings' });
          else {
            this.whenReady?.resolve('quit');
            this.whenReady = undefined;
            void this.close();
          }
        });
        return;
      case 'reply':
        this.pending.get(message.id)?.done(message.response);
        this.pending.delete(message.id);
        return;
      case 'event':
        if (message.event.type === 'status' && isRole(message.event.component))
          this.roles[message.event.component] = message.event.state;
        this.emit(message.event);
        return;
      case 'confirm':
        void this.o
          .confirmNativePath(message.change)
          .catch(() => false)
          .then((confirmed) => child.postMessage({ t: 'confirmed', id: message.id, confirmed }));
        return;
      case 'closed':
        return;
    }
  }

  private becameReady(child: CoreChild): void {
    const restarted = this.whenReady === undefined;
    this.phase = 'running';
    // A restarted core must not take work before it knows whether the user is at the computer.
    if (this.lastIdle) child.postMessage({ t: 'idle', reading: this.lastIdle });
    this.whenReady?.resolve('ready');
    this.whenReady = undefined;
    if (restarted) void this.resumeRoles();
  }

  private onExit(child: CoreChild, code: number): void {
    if (child !== this.child) return;
    this.child = undefined;
    for (const { command, done } of this.pending.values())
      done(failure('failed', `the core process stopped unexpectedly while running ${command}`));
    this.pending.clear();
    if (this.phase === 'closing' || this.phase === 'closed') return;
    const now = Date.now();
    const crash = this.crashes.record(now);
    this.o.log(
      `core process exited unexpectedly (code ${code}); crash ${crash.count} of ${this.crashes.max}`,
    );
    for (const role of activeRoles(this.roles))
      this.emit({
        type: 'status',
        component: role,
        state: 'error',
        detail: `the core process stopped unexpectedly (exit code ${code}); restarting it`,
        at: now,
      });
    if (crash.loop) {
      const minutes = Math.round(this.crashes.windowMs / 60_000);
      this.giveUp(`it crashed ${crash.count} times in ${minutes} min`);
      return;
    }
    this.phase = 'restarting';
    const wait = (this.o.backoffMs ?? defaultBackoff)(crash.count);
    this.restartTimer = setTimeout(() => this.spawn(), wait);
  }

  private giveUp(why: string): void {
    this.phase = 'given-up';
    this.o.log(`not restarting the core: ${why}`);
    this.whenReady?.resolve('given-up');
    this.whenReady = undefined;
    this.emit({
      type: 'notification',
      level: 'error',
      title: 'The miner keeps crashing and was not restarted',
      body: `The core process stopped: ${why}. The reason is in ${this.logFile}. Restart the app to try again.`,
    });
  }

  /** After a crash: start again what was running, then tell the user. */
  private async resumeRoles(): Promise<void> {
    const resumed: string[] = [];
    for (const role of activeRoles(this.roles)) {
      this.roles[role] = 'stopped';
      const r = await this.dispatch({ command: `${role}.start`, input: {} });
      resumed.push(r.ok ? `the ${role} is running again` : `the ${role} did not start: ${r.error.message}`);
    }
    this.emit({
      type: 'notification',
      level: 'warning',
      title: 'The miner stopped unexpectedly and was restarted',
      body: [`The core process crashed and was restarted.`, ...resumed, `Details: ${this.logFile}`].join(' '),
    });
  }
}

const isRole = (c: string): c is Role => c === 'miner' || c === 'validator';
const activeRoles = (roles: Record<Role, string>): Role[] =>
  (['miner', 'validator'] as const).filter((r) => roles[r] === 'running' || roles[r] === 'starting');

function commandLabel(request: unknown): string {
  const command = (request as { command?: unknown } | null)?.command;
  return typeof command === 'string' ? `"${command.slice(0, 100)}"` : 'a command';
}
