import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { buildIconSet } from './packaging/icons/icon-set.js';

/** Regenerates resources/packaging/icon.{png,ico,icns} and icons/<n>x<n>.png (deterministic). */
const root = resolve(import.meta.dirname, '..', 'resources', 'packaging');
for (const [name, data] of buildIconSet()) {
  const file = join(root, name);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, data);
  console.log(`${name}  ${data.length} bytes`);
}
