/**
 * ingonyama icicle-snark (GPU Groth16), driven the way its CLI works (icicle-snark `src/main.rs`):
 * one long-lived process that prints the prompt `> ` and reads one command per line from stdin:
 *
 *   prove --witness W --zkey Z --proof P --public Q --device CUDA|CPU
 *
 * It answers `COMMAND_COMPLETED` after each command it ran and `exit` ends it. A command it cannot
 * parse prints a usage text and the next prompt, with no completion line. Any error inside a proof is an
 * `unwrap()`: the process panics and dies. Arguments are split on whitespace, so every path it is given
 * lives in a private staging folder whose path has none. It caches each zkey's prepared data by the
 * (zkey path, device) pair, so one warm process per device is kept and fed jobs one at a time.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NativeToolError, ProofCancelledError, ProofTimeoutError } from '../errors.js';
import { lineSplitter } from './run-tool.js';
import { readProofFiles, type NativeGroth16, type NativeProveOptions } from './native-groth16.js';

export const ICICLE_EXECUTABLE = 'icicle-snark';
export type IcicleDevice = 'CUDA' | 'CPU';

const COMPLETED = 'COMMAND_COMPLETED';
const USAGE = 'Usage: prove [OPTIONS]';
const EXIT_GRACE_MS = 3_000;

interface Pending {
  resolve(): void;
  reject(err: Error): void;
  sawUsage: boolean;
}

/** One running icicle-snark process. */
class Session {
  readonly child: ChildProcessWithoutNullStreams;
  private pending: Pending | null = null;
  private stderr = '';
  private atPrompt = false;
  exited = false;

  constructor(path: string) {
    this.child = spawn(path, [], { shell: false, stdio: 'pipe', windowsHide: true });
    const lines = lineSplitter((raw) => this.onLine(raw.replace(/^(> )+/, '')));
    this.child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      lines.push(text);
      // The prompt has no newline: seeing it after a usage text means the command was refused.
      this.atPrompt = text.endsWith('> ');
      if (this.atPrompt && this.pending?.sawUsage)
        this.settle(new NativeToolError('icicle-snark', 'refused the command (it printed its usage text)'));
    });
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-16_384);
    });
    this.child.on('error', (err) => this.die(`cannot run ${path}: ${err.message}`));
    this.child.on('close', (code, signal) =>
      this.die(`exited${signal ? ` on ${signal}` : ` with code ${code}`}${panicMessage(this.stderr)}`),
    );
  }

  private onLine(line: string): void {
    if (!this.pending) return;
    if (line.startsWith(USAGE)) this.pending.sawUsage = true;
    if (line.trim() === COMPLETED) this.settle(null);
  }

  private settle(err: Error | null): void {
    const p = this.pending;
    this.pending = null;
    if (!p) return;
    if (err) p.reject(err);
    else p.resolve();
  }

  private die(why: string): void {
    this.exited = true;
    this.settle(new NativeToolError('icicle-snark', why));
  }

  run(command: string): Promise<void> {
    if (this.exited) return Promise.reject(new NativeToolError('icicle-snark', 'the process has ended'));
    return new Promise<void>((resolve, reject) => {
      this.pending = { resolve, reject, sawUsage: false };
      this.child.stdin.write(`${command}\n`);
    });
  }

  kill(): void {
    this.exited = true;
    this.child.kill('SIGKILL');
  }

  async exit(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.child.once('close', () => resolve()));
    this.child.stdin.write('exit\n');
    const timer = setTimeout(() => this.kill(), EXIT_GRACE_MS);
    await gone;
    clearTimeout(timer);
  }
}

/** Rust's panic report: "thread 'main' panicked at src/x.rs:1:2:\n<message>" → ": <message>". */
function panicMessage(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim());
  const at = lines.findIndex((l) => l.includes('panicked at'));
  if (at < 0) return lines.filter(Boolean).length ? `: ${lines.filter(Boolean).pop()}` : '';
  const inline = /panicked at [^:]+:\d+:\d+:\s*(.*)$/.exec(lines[at])?.[1] ?? '';
  const message = inline || lines[at + 1] || lines[at];
  return `: panicked: ${message}`;
}

const hasWhitespace = (p: string) => /\s/.test(p);

export class IcicleSnark implements NativeGroth16 {
  readonly name = 'icicle-snark';
  private session: Session | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly stageDir: string;

  constructor(
    readonly path: string,
    readonly device: IcicleDevice = 'CUDA',
  ) {
    this.stageDir = mkdtempSync(join(tmpdir(), 'sn2-icicle-'));
    if (hasWhitespace(this.stageDir) || hasWhitespace(path))
      throw new NativeToolError(
        'icicle-snark',
        `a path has whitespace, which its command line cannot take: ${hasWhitespace(path) ? path : this.stageDir}`,
      );
  }

  /** Jobs run one at a time on the warm process (it has one stdin and one zkey cache). */
  prove(files: { zkeyPath: string; wtnsPath: string }, options: NativeProveOptions = {}) {
    const job = this.queue.then(() => this.proveNow(files, options));
    this.queue = job.catch(() => undefined);
    return job;
  }

  private async proveNow(files: { zkeyPath: string; wtnsPath: string }, options: NativeProveOptions) {
    if (options.signal?.aborted) throw new ProofCancelledError(this.name);
    const dir = mkdtempSync(join(this.stageDir, 'job-'));
    try {
      const wtns = join(dir, 'witness.wtns');
      link(files.wtnsPath, wtns);
      const proofPath = join(dir, 'proof.json');
      const publicPath = join(dir, 'public.json');
      const command = [
        'prove',
        ['--witness', wtns],
        ['--zkey', this.stagedZkey(files.zkeyPath)],
        ['--proof', proofPath],
        ['--public', publicPath],
        ['--device', this.device],
      ]
        .flat()
        .join(' ');
      await this.runBounded(command, options);
      return readProofFiles(this.name, proofPath, publicPath);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** A stable whitespace-free name per zkey, so icicle-snark's cache (keyed by the path) stays warm. */
  private stagedZkey(zkeyPath: string): string {
    const staged = join(
      this.stageDir,
      `zkey-${createHash('sha256').update(zkeyPath).digest('hex').slice(0, 16)}.zkey`,
    );
    if (!existsSync(staged)) link(zkeyPath, staged);
    return staged;
  }

  private async runBounded(command: string, options: NativeProveOptions): Promise<void> {
    this.session = this.session && !this.session.exited ? this.session : new Session(this.path);
    const session = this.session;
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const stop = new Promise<never>((_, reject) => {
      if (options.timeoutMs !== undefined)
        timer = setTimeout(() => {
          session.kill();
          reject(new ProofTimeoutError(this.name, options.timeoutMs ?? 0));
        }, options.timeoutMs);
      onAbort = () => {
        session.kill();
        reject(new ProofCancelledError(this.name));
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      await Promise.race([session.run(command), stop]);
    } finally {
      clearTimeout(timer);
      if (onAbort) options.signal?.removeEventListener('abort', onAbort);
    }
  }

  async close(): Promise<void> {
    await this.queue;
    await this.session?.exit();
    this.session = null;
    rmSync(this.stageDir, { recursive: true, force: true });
  }
}

function link(from: string, to: string): void {
  try {
    symlinkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
