import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every call the atomic writer makes, in order; the real fs still does the work. */
const calls: string[] = [];
const fdPaths = new Map<number, string>();

vi.mock('node:fs', async (importActual) => {
  const fs = await importActual<typeof import('node:fs')>();
  const name = (fd: number) => fdPaths.get(fd) ?? `fd${fd}`;
  return {
    ...fs,
    openSync: (path: string, ...rest: never[]) => {
      const fd = (fs.openSync as (...a: unknown[]) => number)(path, ...rest);
      fdPaths.set(fd, path);
      calls.push(`open ${path}`);
      return fd;
    },
    writeSync: (fd: number, ...rest: never[]) => {
      calls.push(`write ${name(fd)}`);
      return (fs.writeSync as (...a: unknown[]) => number)(fd, ...rest);
    },
    fsyncSync: (fd: number) => {
      calls.push(`fsync ${name(fd)}`);
      fs.fsyncSync(fd);
    },
    closeSync: (fd: number) => {
      calls.push(`close ${name(fd)}`);
      fs.closeSync(fd);
    },
    renameSync: (from: string, to: string) => {
      calls.push(`rename ${from} -> ${to}`);
      fs.renameSync(from, to);
    },
  };
});

const { writeFileAtomic } = await import('../../../core/util/atomic-file.js');

describe('writeFileAtomic durability order', () => {
  it('writes the temp file, fsyncs it, closes it, renames it over the target, then fsyncs the folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sn2-atomic-order-'));
    const target = join(dir, 'settings.json');
    calls.length = 0;
    writeFileAtomic(target, 'x'.repeat(100_000));

    const opened = calls[0]!.replace(/^open /, '');
    expect(opened).toMatch(/\.settings\.json\.\d+\.[0-9a-f]+\.tmp$/);
    const writes = calls.slice(1).findIndex((c) => !c.startsWith('write '));
    expect(writes).toBeGreaterThan(0);
    expect(calls.slice(1, 1 + writes).every((c) => c === `write ${opened}`)).toBe(true);
    expect(calls.slice(1 + writes)).toEqual([
      `fsync ${opened}`,
      `close ${opened}`,
      `rename ${opened} -> ${target}`,
      `open ${dir}`,
      `fsync ${dir}`,
      `close ${dir}`,
    ]);
    expect(readFileSync(target, 'utf8')).toHaveLength(100_000);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });
});
