import { spawn } from 'node:child_process';
import { ProofCancelledError, ProofTimeoutError, NativeToolError } from '../errors.js';

export interface RunToolOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  cwd?: string;
  /** Extra environment variables, merged over this process's environment. */
  env?: NodeJS.ProcessEnv;
  /** Each line of stdout/stderr as it arrives (progress reporting). */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

export interface RunToolResult {
  /** Exit code; null when a signal ended the process. */
  code: number | null;
  /** The signal that ended the process (SIGSEGV, SIGILL…), or null. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const MAX_CAPTURE = 1 << 20;
/** A tool that prints without newlines (a progress bar with \r only) must not grow a line without end. */
export const MAX_LINE = 64 * 1024;

/**
 * Splits a byte stream into lines of at most MAX_LINE characters: a longer line, finished or not, is
 * handed on in MAX_LINE pieces, so an unfinished line never holds more than that.
 */
export function lineSplitter(onLine: (line: string) => void): { push(text: string): void; end(): void } {
  let partial = '';
  const emit = (line: string) => {
    let rest = line;
    for (; rest.length > MAX_LINE; rest = rest.slice(MAX_LINE)) onLine(rest.slice(0, MAX_LINE));
    onLine(rest);
  };
  return {
    push(text) {
      const lines = (partial + text).split(/\r?\n|\r/);
      partial = lines.pop() ?? '';
      for (const line of lines) emit(line);
      while (partial.length > MAX_LINE) {
        onLine(partial.slice(0, MAX_LINE));
        partial = partial.slice(MAX_LINE);
      }
    },
    end() {
      if (partial) onLine(partial);
      partial = '';
    },
  };
}

/**
 * Run an executable directly (never through a shell, so no argument is ever interpreted), stream its
 * output line by line, and kill it on timeout or abort.
 */
export function runTool(
  tool: string,
  path: string,
  args: string[],
  options: RunToolOptions = {},
): Promise<RunToolResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new ProofCancelledError(tool));
    const child = spawn(path, args, {
      cwd: options.cwd,
      env: options.env ? { ...process.env, ...options.env } : undefined,
      shell: false,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const splitters = {
      stdout: lineSplitter((line) => options.onLine?.(line, 'stdout')),
      stderr: lineSplitter((line) => options.onLine?.(line, 'stderr')),
    };
    const collect = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if (stream === 'stdout') stdout = (stdout + text).slice(-MAX_CAPTURE);
      else stderr = (stderr + text).slice(-MAX_CAPTURE);
      splitters[stream].push(text);
    };
    child.stdout.on('data', collect('stdout'));
    child.stderr.on('data', collect('stderr'));

    const finish = (err: Error | null, result?: RunToolResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else if (result) resolve(result);
    };
    const onAbort = () => {
      child.kill('SIGKILL');
      finish(new ProofCancelledError(tool));
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const timer =
      options.timeoutMs !== undefined
        ? setTimeout(() => {
            child.kill('SIGKILL');
            finish(new ProofTimeoutError(tool, options.timeoutMs ?? 0));
          }, options.timeoutMs)
        : undefined;
    child.on('error', (err) => finish(new NativeToolError(tool, `cannot run ${path}: ${err.message}`)));
    child.on('close', (code, sig) => {
      splitters.stdout.end();
      splitters.stderr.end();
      finish(null, { code, signal: sig, stdout, stderr });
    });
  });
}

/** The last non-empty line a tool printed, for one-line error messages. */
export const lastLine = (r: Pick<RunToolResult, 'stdout' | 'stderr'>): string =>
  (r.stderr.trim() || r.stdout.trim()).split('\n').pop()?.trim() ?? '';
