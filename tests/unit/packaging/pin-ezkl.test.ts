import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EzklRelease } from '../../../core/provers/ezkl/release.js';
import { sha256, standinEzklArchive, writeReleaseFile } from '../../helpers/ezkl-release-server.js';
import { startFileServer, type FileServer } from '../../helpers/file-server.js';

const run = promisify(execFile);
const pin = (...args: string[]) =>
  run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/pin-ezkl.ts', ...args]).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

let server: FileServer;
const linux = standinEzklArchive('22.0.1');
const mac = standinEzklArchive('22.0.1');
beforeAll(async () => {
  server = await startFileServer();
  server.put('linux.tar.gz', linux);
  server.put('mac.tar.gz', mac);
  server.put('empty.tar.gz', Buffer.from('not an archive'));
});
afterAll(() => server.close());

const table = (assets: Record<string, { file: string; sha256: string | null }>): EzklRelease => ({
  tool: 'ezkl',
  version: '22.0.1',
  release: 'https://example.invalid/ezkl',
  assets: Object.fromEntries(
    Object.entries(assets).map(([k, a]) => [
      k,
      { url: `${server.base}/${a.file}`, sha256: a.sha256, maxBytes: 1 << 24 },
    ]),
  ),
});

describe('npm run pin:ezkl', () => {
  it('pins every archive, checks the pinned ones, and --check then passes', async () => {
    const file = writeReleaseFile(
      table({
        'linux-x64': { file: 'linux.tar.gz', sha256: null },
        'darwin-arm64': { file: 'mac.tar.gz', sha256: sha256(mac) },
      }),
    );
    expect((await pin('--release', file, '--check')).code).toBe(1);
    const r = await pin('--release', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 newly pinned, 1 unchanged/);
    const written = JSON.parse(readFileSync(file, 'utf8')) as EzklRelease;
    expect(written.assets['linux-x64'].sha256).toBe(sha256(linux));
    expect(written.assets['darwin-arm64'].sha256).toBe(sha256(mac));
    expect((await pin('--release', file, '--check')).code).toBe(0);
  }, 60_000);

  it('stops, leaving the table as it was, when a pinned archive changed upstream or holds no ezkl', async () => {
    const changed = writeReleaseFile(
      table({ 'linux-x64': { file: 'linux.tar.gz', sha256: 'ab'.repeat(32) } }),
    );
    const before = readFileSync(changed, 'utf8');
    const r = await pin('--release', changed);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/linux-x64: .* changed upstream/);
    expect(readFileSync(changed, 'utf8')).toBe(before);

    const broken = writeReleaseFile(table({ 'linux-x64': { file: 'empty.tar.gz', sha256: null } }));
    const r2 = await pin('--release', broken);
    expect(r2.code).toBe(1);
    expect(JSON.parse(readFileSync(broken, 'utf8')).assets['linux-x64'].sha256).toBeNull();
  }, 60_000);
});
