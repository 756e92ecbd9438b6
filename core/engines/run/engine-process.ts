import { spawn, type ChildProcess } from 'node:child_process';
import { LineSplitter } from './line-splitter.js';

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last stderr lines (at most `stderrLines`). */
  stderr: string[];
}

export interface EngineProcessOptions {
  binary: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  onStdout(line: string): void;
  onStderr(line: string): void;
  stderrLines?: number;
}

/**
 * One run of the engine: spawned without a shell, stdin ignored, stdout and stderr drained continuously
 * (a full pipe would block the engine's logging threads, spec sn2-2026.md §2.5) through bounded line buffers.
 */
export class EngineProcess {
  readonly exited: Promise<ProcessExit>;
  private readonly child: ChildProcess;
  private stopping: Promise<void> | undefined;

  constructor(o: EngineProcessOptions) {
    const tail: string[] = [];
    const keep = o.stderrLines ?? 60;
    this.child = spawn(o.binary, o.args, { shell: false, stdio: ['ignore', 'pipe', 'pipe'], env: o.env });
    const out = new LineSplitter((line) => o.onStdout(line));
    const err = new LineSplitter((line) => {
      tail.push(line);
      if (tail.length > keep) tail.shift();
      o.onStderr(line);
    });
    this.child.stdout?.on('data', (c: Buffer) => out.push(c));
    this.child.stderr?.on('data', (c: Buffer) => err.push(c));
    this.exited = new Promise((resolve) => {
      // `error` without a spawn (ENOENT, EACCES) is reported as an exit with the reason on stderr.
      this.child.once('error', (e) => {
        if (this.child.pid === undefined) {
          tail.push(`cannot start ${o.binary}: ${e.message}`);
          resolve({ code: 127, signal: null, stderr: tail });
        }
      });
      this.child.once('close', (code, signal) => {
        out.end();
        err.end();
        resolve({ code, signal, stderr: tail });
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /**
   * Graceful stop (§2.8): SIGTERM, then SIGKILL after `timeoutMs` (the engine may wait for one in-flight
   * proof). Never SIGSTOP/SIGHUP/SIGQUIT/SIGUSR*.
   */
  stop(timeoutMs: number): Promise<void> {
    this.stopping ??= (async () => {
      if (this.child.exitCode !== null || this.child.signalCode !== null || this.child.pid === undefined) {
        await this.exited;
        return;
      }
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
      await this.exited;
      clearTimeout(timer);
    })();
    return this.stopping;
  }
}
