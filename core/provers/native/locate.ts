import { accessSync, constants, existsSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { delimiter, join } from 'node:path';
import { appRoot, unpackedPath } from '../../util/app-root.js';

export const exeName = (name: string) => (platform() === 'win32' ? `${name}.exe` : name);

/** `resources/bin/<platform>-<arch>/` inside the app, where bundled native provers live. */
export const bundledBinDir = (): string =>
  unpackedPath(join(appRoot(), 'resources', 'bin', `${platform()}-${arch()}`));

const isExecutable = (p: string): boolean => {
  try {
    accessSync(p, platform() === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * First executable found for `name`: the configured path, then each extra folder (the app's data
 * `bin/`, `resources/bin/<platform>-<arch>/`), then PATH.
 */
export function locateExecutable(
  name: string,
  options: { configuredPath?: string; dirs?: string[]; searchPath?: boolean; env?: NodeJS.ProcessEnv } = {},
): string | null {
  if (options.configuredPath)
    return existsSync(options.configuredPath) && isExecutable(options.configuredPath)
      ? options.configuredPath
      : null;
  const pathDirs =
    options.searchPath === false
      ? []
      : ((options.env ?? process.env).PATH ?? '').split(delimiter).filter(Boolean);
  for (const dir of [...(options.dirs ?? []), ...pathDirs]) {
    const p = join(dir, exeName(name));
    if (existsSync(p) && isExecutable(p)) return p;
  }
  return null;
}
