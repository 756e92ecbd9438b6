import { spawn } from 'node:child_process';

/**
 * Runs a writer script (TypeScript, through tsx) that rewrites `file` in a loop and prints a line once
 * it has written at least once; SIGKILLs it `afterMs` later. For the "kill -9 leaves valid state" tests.
 */
export function killWhileWriting(writer: string, file: string, afterMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), afterMs));
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited: ${signal}`)),
    );
  });
}
