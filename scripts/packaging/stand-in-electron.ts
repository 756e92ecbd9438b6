import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A stand-in for an unpacked Linux Electron distribution. The real one comes from GitHub, which
 * these machines cannot reach (toolchain.md §4). electron-builder treats a folder without an
 * `electron-v<ver>-linux-x64.zip` in it as a custom unpacked distribution: it copies it, renames
 * `electron` to the app's executable and writes `resources/app.asar` beside it. That is enough to
 * prove the packaging configuration (files, asar, asarUnpack, dev-dependency exclusion, update feed);
 * the result does not run.
 */
export const STAND_IN_MARKER = 'sn2-stand-in-electron';

export async function createStandInElectron(dir: string, electronVersion: string): Promise<string> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'resources'), { recursive: true });
  await mkdir(join(dir, 'locales'), { recursive: true });
  const launcher = join(dir, 'electron');
  await writeFile(
    launcher,
    `#!/bin/sh\n# ${STAND_IN_MARKER}: packaging smoke test only, not a runnable Electron.\n` +
      `echo "stand-in Electron ${electronVersion}: this build only checks packaging" >&2\nexit 1\n`,
  );
  await chmod(launcher, 0o755);
  await writeFile(join(dir, 'locales', 'en-US.pak'), '');
  await writeFile(join(dir, 'version'), `${electronVersion}\n`);
  await writeFile(join(dir, 'LICENSE'), `${STAND_IN_MARKER}\n`);
  return dir;
}
