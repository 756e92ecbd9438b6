import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ArchiveError, extractTarGzEntry } from '../../../core/provers/ezkl/tar-gz.js';

const EXE = Buffer.from('#!/bin/sh\necho "ezkl 22.0.1"\n');

/** Builds an archive with the system tar from `files` (name → content, or { link } for a symlink). */
function archive(
  files: Record<string, Buffer | { link: string }>,
  tarArgs: string[] = [],
  members = Object.keys(files),
): string {
  const dir = mkdtempSync(join(tmpdir(), 'sn2-tar-'));
  const src = join(dir, 'src');
  for (const [name, content] of Object.entries(files)) {
    const p = join(src, name);
    mkdirSync(join(p, '..'), { recursive: true });
    if (Buffer.isBuffer(content)) writeFileSync(p, content, { mode: 0o755 });
    else symlinkSync(content.link, p);
  }
  const out = join(dir, 'a.tar.gz');
  execFileSync('tar', ['-czf', out, ...tarArgs, '-C', src, ...members]);
  return out;
}

const dest = () => join(mkdtempSync(join(tmpdir(), 'sn2-dest-')), 'ezkl.new');
const extract = (a: string, d = dest(), maxBytes = 1 << 20) =>
  extractTarGzEntry(a, ['ezkl', 'ezkl.exe'], d, { maxBytes, mode: 0o755 }).then((r) => ({ ...r, d }));

describe('extractTarGzEntry', () => {
  it('takes the top-level executable, with its bytes and mode', async () => {
    const r = await extract(archive({ ezkl: EXE }));
    expect(r).toMatchObject({ entry: 'ezkl', bytes: EXE.length });
    expect(readFileSync(r.d)).toEqual(EXE);
    expect(statSync(r.d).mode & 0o777).toBe(0o755);
  });

  it('accepts "./ezkl" and ezkl.exe, and skips other entries (AppleDouble, long GNU names, pax headers)', async () => {
    expect((await extract(archive({ ezkl: EXE }, [], ['./ezkl']))).entry).toBe('ezkl');
    expect((await extract(archive({ 'ezkl.exe': EXE }))).entry).toBe('ezkl.exe');
    const long = `${'n'.repeat(150)}.txt`;
    const busy = { [long]: Buffer.alloc(5000, 1), '._ezkl': Buffer.from('xattrs'), ezkl: EXE };
    for (const format of ['gnu', 'pax', 'ustar']) {
      const r = await extract(
        archive(busy, [`--format=${format}`], ['._ezkl', ...(format === 'ustar' ? [] : [long]), 'ezkl']),
      );
      expect(readFileSync(r.d)).toEqual(EXE);
    }
  });

  it('ignores an ezkl inside a folder, however its path is stored, and says what is missing', async () => {
    await expect(extract(archive({ 'bin/ezkl': EXE }))).rejects.toThrow(
      /no ezkl or ezkl\.exe at its top level/,
    );
    // ustar keeps a long path's folders in the prefix field and only "ezkl" in the name field.
    const deep = `${'d'.repeat(150)}/ezkl`;
    for (const format of ['ustar', 'gnu', 'pax'])
      await expect(extract(archive({ [deep]: EXE }, [`--format=${format}`]))).rejects.toThrow(/top level/);
  });

  it('refuses a link named ezkl and writes nothing', async () => {
    const d = dest();
    await expect(extract(archive({ ezkl: { link: '/bin/sh' } }), d)).rejects.toThrow(/not a regular file/);
    expect(existsSync(d)).toBe(false);
  });

  it('refuses an entry over the size cap, and leaves no partial file', async () => {
    const d = dest();
    await expect(extract(archive({ ezkl: Buffer.alloc(10_000, 7) }), d, 4096)).rejects.toThrow(ArchiveError);
    expect(existsSync(d)).toBe(false);
  });

  it('rejects what is not a tar.gz, and a truncated archive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sn2-bad-'));
    const notGzip = join(dir, 'a');
    writeFileSync(notGzip, 'hello');
    await expect(extract(notGzip)).rejects.toThrow(ArchiveError);
    const notTar = join(dir, 'b');
    writeFileSync(notTar, gzipSync(Buffer.alloc(2048, 65)));
    await expect(extract(notTar)).rejects.toThrow(/not a tar archive/);
    const big = readFileSync(archive({ ezkl: Buffer.alloc(200_000, 3) }));
    const cut = join(dir, 'c');
    // A gzip stream cut short: zlib reports the unexpected end.
    writeFileSync(cut, big.subarray(0, big.length - 40));
    const d = dest();
    await expect(extract(cut, d)).rejects.toThrow(ArchiveError);
    expect(existsSync(d)).toBe(false);
  });
});
