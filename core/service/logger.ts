import { pino, type Logger } from 'pino';
import roll from 'pino-roll';
import type SonicBoom from 'sonic-boom';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Rotation of `<logs>/sn2.<n>.log`: a new file past 10 MB, the current one plus 3 kept. */
const LOG_SIZE = '10m';
const LOGS_KEPT = 3;
const LOG_NAME = /^sn2\.(\d+)\.log$/;
/** Lines are gathered up to this many bytes per write, and written at least this often when quiet. */
const BUFFER_BYTES = 4096;
const FLUSH_EVERY_MS = 1000;

/**
 * Lines logged before pino-roll has opened its file (it finds the last number asynchronously) wait
 * here, in order; after that every line goes straight to pino-roll's SonicBoom, which writes
 * asynchronously: logging never blocks the thread on the disk.
 */
class RollingDestination {
  private stream: SonicBoom | undefined;
  private early: string[] = [];
  private failed: Error | undefined;
  private closing: Promise<void> | undefined;
  private readonly timer: NodeJS.Timeout;
  readonly ready: Promise<void>;

  constructor(logsDir: string) {
    mkdirSync(logsDir, { recursive: true, mode: 0o700 });
    this.ready = roll({
      file: join(logsDir, 'sn2.log'),
      size: LOG_SIZE,
      limit: { count: LOGS_KEPT },
      mode: 0o600,
      sync: false,
      minLength: BUFFER_BYTES,
    }).then(
      (stream) => {
        // A full disk or a removed folder must not crash the core: logging stops, the app goes on.
        stream.on('error', (err: Error) => (this.failed = err));
        this.stream = stream;
        for (const line of this.early) stream.write(line);
        this.early = [];
      },
      (err: Error) => {
        this.failed = err;
        this.early = [];
      },
    );
    this.timer = setInterval(() => void this.flush(), FLUSH_EVERY_MS);
    this.timer.unref();
    open.add(this);
  }

  write(line: string): void {
    if (this.failed) return;
    if (this.stream) this.stream.write(line);
    else this.early.push(line);
  }

  /** Everything written so far reaches the file (the Logs view reads it right after). */
  async flush(): Promise<void> {
    await this.ready;
    const stream = this.stream;
    if (!stream || this.failed || this.closing) return;
    await new Promise<void>((done) => stream.flush(() => done())); // an error is already 'failed'
  }

  /** At process exit (no event loop left): write what is buffered, synchronously. */
  flushSync(): void {
    try {
      if (!this.failed && !this.closing) this.stream?.flushSync();
    } catch {
      // a write still in flight at exit: nothing more can be done
    }
  }

  /** Everything written so far reaches the file, then it is closed. */
  close(): Promise<void> {
    clearInterval(this.timer);
    open.delete(this);
    this.closing ??= this.ready.then(() => {
      const stream = this.stream;
      if (!stream) return;
      return new Promise<void>((done) => {
        stream.once('close', () => done());
        stream.once('error', () => done());
        stream.end();
      });
    });
    return this.closing;
  }
}

const destinations = new WeakMap<Logger, RollingDestination>();

/** Open destinations: a process that exits without closing its service still writes its last lines. */
const open = new Set<RollingDestination>();
process.on('exit', () => {
  for (const destination of open) destination.flushSync();
});

/** Structured JSON logs in <logs>/sn2.<n>.log (rotated by pino-roll). Secrets are never passed to it. */
export function createLogger(logsDir: string, level = process.env.SN2_LOG_LEVEL ?? 'info'): Logger {
  const destination = new RollingDestination(logsDir);
  const logger = pino(
    {
      level,
      base: { pid: process.pid },
      redact: {
        paths: ['password', '*.password', 'mnemonic', '*.mnemonic', 'secret', '*.secret'],
        censor: '[redacted]',
      },
    },
    destination,
  );
  destinations.set(logger, destination);
  return logger;
}

/** Wait until the lines logged so far are in the file (no-op for a logger not made by `createLogger`). */
export async function flushLogger(logger: Logger): Promise<void> {
  await destinations.get(logger)?.flush();
}

/** Flush and close a logger made by `createLogger` (no-op for any other logger). */
export async function closeLogger(logger: Logger): Promise<void> {
  await destinations.get(logger)?.close();
}

/** The file being written now: the highest-numbered `sn2.<n>.log` (null before the first line). */
export function currentLogFile(logsDir: string): string | null {
  let best: { n: number; name: string } | null = null;
  let names: string[];
  try {
    names = readdirSync(logsDir);
  } catch {
    return null;
  }
  for (const name of names) {
    const n = Number(LOG_NAME.exec(name)?.[1]);
    if (Number.isInteger(n) && (!best || n > best.n)) best = { n, name };
  }
  return best ? join(logsDir, best.name) : null;
}
