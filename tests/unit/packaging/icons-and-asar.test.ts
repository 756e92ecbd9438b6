import { createPackageWithOptions } from '@electron/asar';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAsarEntries } from '../../../scripts/packaging/asar-inventory.js';
import { readIcns, readIco } from '../../../scripts/packaging/icons/containers.js';
import { buildIconSet, ICO_SIZES } from '../../../scripts/packaging/icons/icon-set.js';
import { crc32, pngSize } from '../../../scripts/packaging/icons/png.js';
import { createStandInElectron, STAND_IN_MARKER } from '../../../scripts/packaging/stand-in-electron.js';

const resources = resolve(import.meta.dirname, '../../../resources/packaging');

describe('icons', () => {
  const icons = buildIconSet();

  it('are committed exactly as scripts/make-icons.ts generates them', () => {
    for (const [name, data] of icons) {
      expect(
        readFileSync(join(resources, name)).equals(data),
        `${name}: run npx tsx scripts/make-icons.ts`,
      ).toBe(true);
    }
  });

  it('hold real PNG, ICO and ICNS images of the declared sizes', () => {
    expect(pngSize(icons.get('icon.png')!)).toEqual({ width: 1024, height: 1024 });
    expect(pngSize(icons.get('icons/16x16.png')!)).toEqual({ width: 16, height: 16 });
    expect(readIco(icons.get('icon.ico')!).map((e) => [e.declared, e.width])).toEqual(
      ICO_SIZES.map((s) => [s, s]),
    );
    const icns = readIcns(icons.get('icon.icns')!);
    expect(icns.find((e) => e.type === 'ic10')).toEqual({ type: 'ic10', width: 1024, height: 1024 });
    expect(icns.find((e) => e.type === 'ic14')).toEqual({ type: 'ic14', width: 512, height: 512 });
  });

  it('uses the standard PNG CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});

describe('asar inventory and stand-in Electron', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sn2-asar-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists the files of a real asar and which ones are unpacked', async () => {
    const app = join(dir, 'app');
    await mkdir(join(app, 'dist'), { recursive: true });
    await mkdir(join(app, 'node_modules', 'addon'), { recursive: true });
    await writeFile(join(app, 'package.json'), '{"name":"x"}');
    await writeFile(join(app, 'dist', 'index.html'), '<html></html>');
    await writeFile(join(app, 'node_modules', 'addon', 'binding.node'), 'ELF');
    const archive = join(dir, 'app.asar');
    await createPackageWithOptions(app, archive, { unpack: '**/*.node' });
    expect(readAsarEntries(archive).sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'dist/index.html', size: 13, unpacked: false },
      { path: 'node_modules/addon/binding.node', size: 3, unpacked: true },
      { path: 'package.json', size: 12, unpacked: false },
    ]);
  });

  it('creates the unpacked-distribution layout electron-builder copies', async () => {
    const fake = await createStandInElectron(join(dir, 'electron'), '45.5.0');
    expect(statSync(join(fake, 'electron')).mode & 0o111).not.toBe(0);
    expect(readFileSync(join(fake, 'electron'), 'utf8')).toContain(STAND_IN_MARKER);
    expect(existsSync(join(fake, 'locales', 'en-US.pak'))).toBe(true);
    expect(existsSync(join(fake, 'resources'))).toBe(true);
  });
});
