import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ValidatorProcessConfig } from './validator-process.js';

export interface ChildLine {
  type: string;
  [key: string]: unknown;
}

const script = fileURLToPath(new URL('./validator-process.ts', import.meta.url));

/** Starts `validator-process.ts` in a child process and lets a test wait for its report lines. */
export function spawnValidator(config: ValidatorProcessConfig): {
  child: ChildProcess;
  waitFor: (match: (line: ChildLine) => boolean, timeoutMs?: number) => Promise<ChildLine>;
  killHard: () => Promise<NodeJS.Signals | null>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(config)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: ChildLine[] = [];
  const waiters = new Set<() => void>();
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  createInterface({ input: child.stdout! }).on('line', (text) => {
    try {
      lines.push(JSON.parse(text) as ChildLine);
    } catch {
      return;
    }
    for (const w of waiters) w();
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => {
      for (const w of waiters) w();
      resolve(signal);
    }),
  );
  let seen = 0;
  const waitFor = (match: (line: ChildLine) => boolean, timeoutMs = 60_000) =>
    new Promise<ChildLine>((resolve, reject) => {
      const check = () => {
        while (seen < lines.length) {
          const line = lines[seen++];
          if (line.type === 'fatal')
            return done(new Error(`validator process failed: ${String(line.error)}`));
          if (match(line)) return done(undefined, line);
        }
        if (child.exitCode !== null || child.signalCode !== null)
          done(new Error(`validator process exited early; stderr: ${stderr}`));
      };
      const timer = setTimeout(
        () => done(new Error(`no matching line in ${timeoutMs} ms; stderr: ${stderr}`)),
        timeoutMs,
      );
      const done = (err?: Error, line?: ChildLine) => {
        clearTimeout(timer);
        waiters.delete(check);
        if (err) reject(err);
        else resolve(line as ChildLine);
      };
      waiters.add(check);
      check();
    });
  const killHard = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    return exited;
  };
  return { child, waitFor, killHard };
}
