import { pngSize } from './png.js';

/**
 * Windows .ico holding PNG images (Vista and later read PNG entries; electron-builder requires a
 * 256×256 one). A width/height byte of 0 means 256.
 */
export function encodeIco(pngs: Uint8Array[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(pngs.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * pngs.length;
  for (const png of pngs) {
    const { width, height } = pngSize(png);
    if (width > 256 || height > 256) throw new Error(`ico entries are at most 256 px, got ${width}`);
    const entry = Buffer.alloc(16);
    entry[0] = width === 256 ? 0 : width;
    entry[1] = height === 256 ? 0 : height;
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...pngs]);
}

/** ICNS element types that hold PNG data, by pixel size (retina types reuse the doubled size). */
export const ICNS_TYPES: ReadonlyArray<{ type: string; pixels: number }> = [
  { type: 'icp4', pixels: 16 },
  { type: 'icp5', pixels: 32 },
  { type: 'icp6', pixels: 64 },
  { type: 'ic07', pixels: 128 },
  { type: 'ic08', pixels: 256 },
  { type: 'ic09', pixels: 512 },
  { type: 'ic10', pixels: 1024 },
  { type: 'ic11', pixels: 32 },
  { type: 'ic12', pixels: 64 },
  { type: 'ic13', pixels: 256 },
  { type: 'ic14', pixels: 512 },
];

/** macOS .icns: "icns", total length, then (type, length incl. 8-byte header, PNG) elements. */
export function encodeIcns(pngBySize: ReadonlyMap<number, Uint8Array>): Buffer {
  const elements: Buffer[] = [];
  for (const { type, pixels } of ICNS_TYPES) {
    const png = pngBySize.get(pixels);
    if (!png) throw new Error(`icns needs a ${pixels}px PNG for ${type}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    elements.push(head, Buffer.from(png));
  }
  const body = Buffer.concat(elements);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

/** Reads back an .icns's element types and their PNG sizes (used to verify what we wrote). */
export function readIcns(icns: Uint8Array): Array<{ type: string; width: number; height: number }> {
  const buf = Buffer.from(icns.buffer, icns.byteOffset, icns.byteLength);
  if (buf.toString('latin1', 0, 4) !== 'icns' || buf.readUInt32BE(4) !== buf.length) {
    throw new Error('not an icns file');
  }
  const out: Array<{ type: string; width: number; height: number }> = [];
  for (let at = 8; at < buf.length;) {
    const length = buf.readUInt32BE(at + 4);
    out.push({ type: buf.toString('latin1', at, at + 4), ...pngSize(buf.subarray(at + 8, at + length)) });
    at += length;
  }
  return out;
}

/** Reads back an .ico's directory: declared size and the embedded PNG's real size per entry. */
export function readIco(ico: Uint8Array): Array<{ declared: number; width: number; height: number }> {
  const buf = Buffer.from(ico.buffer, ico.byteOffset, ico.byteLength);
  if (buf.readUInt16LE(0) !== 0 || buf.readUInt16LE(2) !== 1) throw new Error('not an ico file');
  const count = buf.readUInt16LE(4);
  const out: Array<{ declared: number; width: number; height: number }> = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + 16 * i;
    const size = buf.readUInt32LE(at + 8);
    const offset = buf.readUInt32LE(at + 12);
    out.push({ declared: buf[at] || 256, ...pngSize(buf.subarray(offset, offset + size)) });
  }
  return out;
}
