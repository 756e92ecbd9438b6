import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { AreaFactory } from './types.js';
import { currentLogFile, flushLogger } from '../logger.js';

/** Bytes read from the end of the log; plenty for 5000 lines of pino JSON, bounded for a 10 MB file. */
const TAIL_BYTES = 4 * 1024 * 1024;

/** The last `count` lines of a text file (none when it does not exist yet). */
export async function tailLines(path: string, count: number): Promise<string[]> {
  let file;
  try {
    file = await open(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  try {
    const { size } = await file.stat();
    const start = Math.max(0, size - TAIL_BYTES);
    const buf = Buffer.alloc(size - start);
    await file.read(buf, 0, buf.length, start);
    const lines = buf.toString('utf8').split('\n');
    if (start > 0) lines.shift(); // a partial first line
    while (lines.length && lines.at(-1) === '') lines.pop();
    return lines.slice(-count);
  } finally {
    await file.close();
  }
}

/** logs.tail: the last N lines of the current log file (`sn2.log` of versions before pino-roll). */
export const logsHandlers: AreaFactory = (ctx) => ({
  handlers: {
    'logs.tail': async ({ lines }) => {
      await flushLogger(ctx.logger);
      return tailLines(currentLogFile(ctx.paths.logs) ?? join(ctx.paths.logs, 'sn2.log'), lines);
    },
  },
});
