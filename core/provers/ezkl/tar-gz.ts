/**
 * Takes one top-level regular file out of a .tar.gz (ustar, GNU and pax headers), streaming, without
 * ever writing any other entry: the archive's paths never reach the file system, links are refused,
 * and the output is capped. Enough for a release archive holding one executable.
 */
import { createReadStream, closeSync, fsyncSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { createGunzip } from 'node:zlib';

export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';
}

const BLOCK = 512;
const MAX_META_BYTES = 1 << 20;

interface Header {
  name: string;
  size: number;
  type: string;
}

const cString = (b: Buffer, start: number, len: number): string => {
  const field = b.subarray(start, start + len);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? len : end).toString('utf8');
};

function parseSize(b: Buffer): number {
  if (b[124] & 0x80) {
    // GNU base-256: big-endian after the marker bit.
    let n = b[124] & 0x7f;
    for (let i = 125; i < 136; i++) n = n * 256 + b[i];
    return n;
  }
  return parseOctal(b, 124, 12);
}

function parseOctal(b: Buffer, start: number, len: number): number {
  const text = cString(b, start, len).trim();
  if (!/^[0-7]*$/.test(text)) throw new ArchiveError('not a tar archive (bad number in a header)');
  return text ? parseInt(text, 8) : 0;
}

function parseHeader(b: Buffer): Header {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : b[i];
  if (parseOctal(b, 148, 8) !== sum) throw new ArchiveError('not a tar archive (header checksum mismatch)');
  const name = cString(b, 0, 100);
  const prefix = b.subarray(257, 262).toString('latin1') === 'ustar' ? cString(b, 345, 155) : '';
  return {
    name: prefix ? `${prefix}/${name}` : name,
    size: parseSize(b),
    type: String.fromCharCode(b[156] || 0x30),
  };
}

function paxPath(data: Buffer): string | undefined {
  // Records are "<len> <key>=<value>\n".
  let off = 0;
  let path: string | undefined;
  while (off < data.length) {
    const space = data.indexOf(0x20, off);
    const len = Number(data.subarray(off, space).toString('latin1'));
    if (space === -1 || !Number.isInteger(len) || len <= 0) throw new ArchiveError('corrupt pax header');
    const record = data.subarray(space + 1, off + len - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (record.slice(0, eq) === 'path') path = record.slice(eq + 1);
    off += len;
  }
  return path;
}

/** Strips a leading "./"; only names in `names` at the archive's top level match. */
const topLevelName = (name: string): string => name.replace(/^(\.\/)+/, '');

/**
 * Write the first entry named one of `names` to `dest` (created new with `mode`) and return which one
 * matched and its size. Throws ArchiveError when the archive is corrupt, the entry is missing or is not
 * a regular file, or it is larger than `maxBytes`.
 */
export async function extractTarGzEntry(
  archive: string,
  names: readonly string[],
  dest: string,
  options: { maxBytes: number; mode?: number },
): Promise<{ entry: string; bytes: number }> {
  let buf: Buffer = Buffer.alloc(0);
  let header: Header | null = null;
  let remaining = 0; // data bytes of the current entry still to come
  let padding = 0;
  let meta: Buffer[] | null = null; // collecting a GNU long name or pax header
  let metaType = '';
  let nextName: string | undefined;
  let out: number | null = null;
  let written = 0;
  let found = '';

  const finishEntry = () => {
    if (meta) {
      const data = Buffer.concat(meta);
      if (metaType === 'L') nextName = cString(data, 0, data.length);
      else if (metaType === 'x') nextName = paxPath(data) ?? nextName;
      meta = null;
    }
    header = null;
  };

  try {
    const input = createReadStream(archive).pipe(createGunzip());
    try {
      for await (const chunk of input as AsyncIterable<Buffer>) {
        buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
        let off = 0;
        while (off < buf.length) {
          if (header) {
            const take = Math.min(remaining, buf.length - off);
            const part = buf.subarray(off, off + take);
            if (out !== null) {
              written += take;
              if (written > options.maxBytes)
                throw new ArchiveError(`${found} is larger than ${options.maxBytes} bytes`);
              let w = 0;
              while (w < part.length) w += writeSync(out, part, w, part.length - w);
            } else if (meta) {
              meta.push(Buffer.from(part));
            }
            off += take;
            remaining -= take;
            if (remaining > 0) break;
            const skip = Math.min(padding, buf.length - off);
            off += skip;
            padding -= skip;
            if (padding > 0) break;
            if (out !== null) {
              fsyncSync(out);
              closeSync(out);
              out = null;
              input.destroy();
              return { entry: found, bytes: written };
            }
            finishEntry();
            continue;
          }
          if (buf.length - off < BLOCK) break;
          const block = buf.subarray(off, off + BLOCK);
          off += BLOCK;
          if (block.every((x) => x === 0)) continue; // end-of-archive blocks
          const h = parseHeader(block);
          const name = nextName ?? h.name;
          nextName = undefined;
          header = h;
          remaining = h.size;
          padding = (BLOCK - (h.size % BLOCK)) % BLOCK;
          if (h.type === 'L' || h.type === 'x') {
            if (h.size > MAX_META_BYTES) throw new ArchiveError('oversized extended header');
            meta = [];
            metaType = h.type;
          } else if (names.includes(topLevelName(name))) {
            if (h.type !== '0' && h.type !== '7')
              throw new ArchiveError(`${topLevelName(name)} in the archive is not a regular file`);
            if (h.size > options.maxBytes)
              throw new ArchiveError(`${topLevelName(name)} is larger than ${options.maxBytes} bytes`);
            found = topLevelName(name);
            out = openSync(dest, 'wx', options.mode ?? 0o755);
          }
          if (remaining === 0 && padding === 0) {
            if (out !== null) {
              closeSync(out);
              out = null;
              return { entry: found, bytes: 0 };
            }
            finishEntry();
          }
        }
        buf = buf.subarray(off);
      }
    } catch (err) {
      if (err instanceof ArchiveError) throw err;
      throw new ArchiveError(`cannot read ${archive}: ${(err as Error).message}`);
    }
    if (header && out !== null) throw new ArchiveError('the archive ends inside the file (truncated)');
    throw new ArchiveError(`the archive has no ${names.join(' or ')} at its top level`);
  } catch (err) {
    if (out !== null) {
      closeSync(out);
      unlinkSync(dest);
    }
    throw err;
  }
}
