import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeLogger, createLogger, currentLogFile, flushLogger } from '../../../core/service/logger.js';

describe('the core logger (pino-roll, asynchronous)', () => {
  it('keeps every line through rotation at 10 MB, three old files kept, all written by close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sn2-logger-'));
    const logger = createLogger(dir);
    const pad = 'x'.repeat(400);
    const total = 60_000; // about 28 MB: rotates twice
    // Written over time, as a running app does (pino-roll rotates when a write has drained).
    for (let i = 0; i < total; i++) {
      logger.info({ i, pad }, 'line');
      if (i % 2000 === 1999) await flushLogger(logger);
    }
    await closeLogger(logger);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['sn2.1.log', 'sn2.2.log', 'sn2.3.log']);
    let seen = 0;
    let last = -1;
    for (const file of files) {
      const path = join(dir, file);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(statSync(path).size).toBeLessThan(11 * 1024 * 1024);
      for (const line of readFileSync(path, 'utf8').split('\n').filter(Boolean)) {
        const { i } = JSON.parse(line) as { i: number };
        expect(i).toBe(last + 1);
        last = i;
        seen++;
      }
    }
    expect(seen).toBe(total);
    expect(currentLogFile(dir)).toBe(join(dir, 'sn2.3.log'));
    rmSync(dir, { recursive: true, force: true });
  });

  it('drops the oldest file beyond three kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sn2-logger-'));
    const logger = createLogger(dir);
    const pad = 'y'.repeat(1000);
    for (let i = 0; i < 50_000; i++) {
      logger.info({ i, pad }); // about 52 MB: five files made
      if (i % 2000 === 1999) await flushLogger(logger);
    }
    await closeLogger(logger);
    const numbers = readdirSync(dir).map((f) => Number(/^sn2\.(\d+)\.log$/.exec(f)?.[1]));
    const newest = Math.max(...numbers);
    expect(newest).toBeGreaterThanOrEqual(5);
    expect(numbers.sort((a, b) => a - b)).toEqual([newest - 3, newest - 2, newest - 1, newest]);
    expect(currentLogFile(dir)).toBe(join(dir, `sn2.${newest}.log`));
    rmSync(dir, { recursive: true, force: true });
  });

  it('flushes on demand, and a removed logs folder never crashes the process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sn2-logger-'));
    const logger = createLogger(dir);
    logger.info({ password: 'hunter2' }, 'first');
    await flushLogger(logger);
    const text = readFileSync(currentLogFile(dir)!, 'utf8');
    expect(text).toContain('"msg":"first"');
    expect(text).not.toContain('hunter2');
    rmSync(dir, { recursive: true, force: true });
    for (let i = 0; i < 100; i++) logger.info('after the folder is gone');
    await flushLogger(logger);
    await closeLogger(logger);
  });
});
