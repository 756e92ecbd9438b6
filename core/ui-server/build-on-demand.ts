import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { appRoot } from '../util/app-root.js';
import { UserError } from '../util/errors.js';

/**
 * A fresh clone has no `dist/` (it is a build output): `sn2 ui` builds the renderer itself the first
 * time (vite, the same `vite build` that `npm run build` starts with) instead of failing. Only from a
 * source checkout, and only for the default folder; a given `SN2_UI_DIR` must already hold a build.
 */
export async function ensureWebUiBuilt(staticDir: string, progress: (line: string) => void): Promise<void> {
  if (existsSync(join(staticDir, 'index.html'))) return;
  const root = appRoot();
  const vite = viteBin(root);
  if (!vite || resolve(staticDir) !== resolve(root, 'dist') || !existsSync(join(root, 'vite.config.ts')))
    throw new UserError(
      `the web UI is not built (${join(staticDir, 'index.html')} is missing): run "npm run build"`,
    );
  progress('building the web UI (first start after a fresh install; under a minute)…');
  const output: string[] = [];
  const code = await new Promise<number | null>((done) => {
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d: Buffer) => output.push(d.toString()));
    child.stderr.on('data', (d: Buffer) => output.push(d.toString()));
    child.on('error', () => done(null));
    child.on('close', done);
  });
  if (code !== 0 || !existsSync(join(staticDir, 'index.html'))) {
    const last = output.join('').trim().split('\n').at(-1) ?? 'no output';
    throw new UserError(`building the web UI failed (${last}): run "npm run build" to see why`);
  }
}

function viteBin(root: string): string | null {
  try {
    return join(
      createRequire(join(root, 'package.json')).resolve('vite/package.json'),
      '..',
      'bin',
      'vite.js',
    );
  } catch {
    return null;
  }
}
