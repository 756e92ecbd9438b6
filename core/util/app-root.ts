import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const APP_NAME = 'subnet2-desktop';

let cached: string | undefined;

/**
 * The folder that holds the app's package.json: the checkout when the core runs from sources, the
 * `app.asar` archive when it runs bundled inside the packaged app. Found by walking up from this
 * module, so it holds wherever the bundler put the code.
 */
export function appRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && isOurs(manifest)) return (cached = dir);
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`cannot find the ${APP_NAME} package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

function isOurs(manifest: string): boolean {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === APP_NAME;
  } catch {
    return false;
  }
}

/**
 * Where a file the packager unpacks (`asarUnpack`: native binaries, circuit artefacts read by worker
 * threads and child processes) really lives: `…/app.asar/x` → `…/app.asar.unpacked/x`. Unchanged when
 * running from sources.
 */
export function unpackedPath(path: string): string {
  return path.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`);
}
