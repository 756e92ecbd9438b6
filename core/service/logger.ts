import { pino, type Logger } from 'pino';
import { join } from 'node:path';
import { RotatingFile } from '../util/rotating-file.js';

/** Structured JSON logs in <logs>/sn2.log (rotated at 10 MB, 3 kept). Secrets are never passed to it. */
export function createLogger(logsDir: string, level = process.env.SN2_LOG_LEVEL ?? 'info'): Logger {
  const file = new RotatingFile(join(logsDir, 'sn2.log'));
  return pino(
    {
      level,
      base: { pid: process.pid },
      redact: {
        paths: ['password', '*.password', 'mnemonic', '*.mnemonic', 'secret', '*.secret'],
        censor: '[redacted]',
      },
    },
    { write: (line: string) => file.write(line) },
  );
}
