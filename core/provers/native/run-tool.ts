import { spawn } from 'node:child_process';
import { ProofCancelledError, ProofTimeoutError, NativeToolError } from '../errors.js';

export interface RunToolOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  cwd?: string;
  /** Each line of stdout/stderr as it arrives (progress reporting). */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

export interface RunToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

const MAX_CAPTURE = 1 << 20;

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
      shell: false,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const partial = { stdout: '', stderr: '' };
    const collect = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if (stream === 'stdout') stdout = (stdout + text).slice(-MAX_CAPTURE);
      else stderr = (stderr + text).slice(-MAX_CAPTURE);
      const lines = (partial[stream] + text).split(/\r?\n/);
      partial[stream] = lines.pop() ?? '';
      for (const line of lines) options.onLine?.(line, stream);
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
      for (const s of ['stdout', 'stderr'] as const) if (partial[s]) options.onLine?.(partial[s], s);
      finish(null, { code: code ?? (sig ? 128 : 1), stdout, stderr });
    });
  });
}
