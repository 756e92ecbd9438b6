import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installEngine, type EngineInstallProgress } from '../../../core/engines/install/install.js';
import { verifyInstalledEngine } from '../../../core/engines/install/manage.js';
import { engineSupport } from '../../../core/engines/install/platform.js';
import { ReleaseVerificationError, UnsupportedPlatformError } from '../../../core/engines/install/errors.js';
import { engineDir, readEngineManifest } from '../../../core/engines/installed-engine.js';
import { createTestSigstore } from '../../helpers/engines/test-sigstore.js';
import {
  startEngineReleaseServer,
  sha256,
  type EngineReleaseServer,
} from '../../helpers/engines/engine-release-server.js';
import { standinMiner } from '../../helpers/engines/standin-miner.js';

const sigstore = createTestSigstore();
const trust = async () => ({ trustedRoot: sigstore.trustedRoot, origin: 'test root' });
const linux = engineSupport('linux', 'x64');
let server: EngineReleaseServer;

beforeAll(async () => {
  server = await startEngineReleaseServer(sigstore);
});
afterAll(() => server.close());

const freshRoot = () => mkdtempSync(join(tmpdir(), 'sn2-engine-'));
const install = (dataRoot: string, extra: Partial<Parameters<typeof installEngine>[0]> = {}) =>
  installEngine({ dataRoot, channel: 'mainnet', apiBase: server.apiBase, trust, support: linux, ...extra });

/** Nothing installed: no manifest entry, no version folder, no staged executable. */
function expectNothingInstalled(dataRoot: string): void {
  expect(readEngineManifest(dataRoot).active).toBeUndefined();
  const root = engineDir(dataRoot);
  const entries = existsSync(root) ? readdirSync(root).filter((e) => !e.startsWith('.')) : [];
  expect(entries).toEqual([]);
  const staging = join(root, '.staging');
  if (existsSync(staging)) expect(readdirSync(staging)).toEqual([]);
}

describe('installing the official sn2-miner from a release (spec sn2-2026.md §2.1–2.3)', () => {
  it('installs a good release: verified, placed under its tag, made active, version read from its first log line', async () => {
    const binary = standinMiner('14.6.0');
    server.publish({ tag: '14.6.0', binary });
    const dataRoot = freshRoot();
    const seen: EngineInstallProgress[] = [];
    const r = await install(dataRoot, { tag: '14.6.0', onProgress: (p) => seen.push(p) });

    const path = join(engineDir(dataRoot), '14.6.0', 'sn2-miner');
    expect(r.installed).toMatchObject({
      channel: 'mainnet',
      tag: '14.6.0',
      asset: 'sn2-miner-linux-x86_64',
      sha256: sha256(binary),
      path,
      version: '14.6.0',
      multiMiner: false,
    });
    expect(r.signature.identity).toBe(
      'https://github.com/inference-labs-inc/subnet-2/.github/workflows/release.yml@refs/tags/14.6.0',
    );
    expect(statSync(path).mode & 0o777).toBe(0o755);
    expect(readEngineManifest(dataRoot).active).toEqual(r.installed);
    expect((await verifyInstalledEngine(dataRoot, linux)).path).toBe(path);
    expect(seen.map((p) => p.stage).filter((s, i, a) => a.indexOf(s) === i)).toEqual([
      'release',
      'signature',
      'download',
      'check',
      'place',
    ]);
    const lastDownload = seen.filter((p) => p.stage === 'download').at(-1);
    expect(lastDownload?.done).toBe(binary.length);
  });

  it('refuses a tampered binary: it does not match the signed SHA256SUMS', async () => {
    server.publish({
      tag: '14.6.1',
      binary: standinMiner('14.6.1'),
      servedBinary: standinMiner('14.6.1-evil'),
    });
    const dataRoot = freshRoot();
    await expect(install(dataRoot, { tag: '14.6.1' })).rejects.toThrow(
      /sn2-miner-linux-x86_64 of release 14\.6\.1 does not match its signed SHA256SUMS \(sha256 [0-9a-f]{64}, expected [0-9a-f]{64}\): it was deleted/,
    );
    expectNothingInstalled(dataRoot);
  });

  it('refuses a SHA256SUMS changed after signing', async () => {
    const binary = standinMiner('14.6.2');
    const evil = standinMiner('14.6.2-evil');
    server.publish({
      tag: '14.6.2',
      binary,
      servedBinary: evil,
      servedSums: `${sha256(evil)}  sn2-miner-linux-x86_64\n`,
    });
    const dataRoot = freshRoot();
    await expect(install(dataRoot, { tag: '14.6.2' })).rejects.toThrow(
      /the signature of SHA256SUMS of release 14\.6\.2 does not verify/,
    );
    expectNothingInstalled(dataRoot);
  });

  it.each([
    [
      'signed for another tag',
      {
        identity:
          'https://github.com/inference-labs-inc/subnet-2/.github/workflows/release.yml@refs/tags/14.5.0',
      },
      /was made by .*refs\/tags\/14\.5\.0, not upstream's release workflow/,
    ],
    [
      'signed by another repository',
      { identity: 'https://github.com/mallory/subnet-2/.github/workflows/release.yml@refs/tags/14.6.3' },
      /was made by https:\/\/github\.com\/mallory/,
    ],
    ['from another OIDC issuer', { issuer: 'https://gitlab.com' }, /names OIDC issuer https:\/\/gitlab\.com/],
    [
      'whose signature is not over SHA256SUMS',
      { signOver: Buffer.from('something else') },
      /does not verify: signature verification failed/,
    ],
  ])('refuses a bundle %s', async (_what, sign, message) => {
    server.publish({ tag: '14.6.3', binary: standinMiner('14.6.3'), sign });
    const dataRoot = freshRoot();
    const err = await install(dataRoot, { tag: '14.6.3' }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(ReleaseVerificationError);
    expect((err as Error).message).toMatch(message);
    expectNothingInstalled(dataRoot);
  });

  it('refuses a release signed only with the older .sig/.pem pair', async () => {
    server.publish({ tag: '14.0.0', binary: standinMiner('14.0.0'), legacySignature: true });
    await expect(install(freshRoot(), { tag: '14.0.0' })).rejects.toThrow(
      /release 14\.0\.0 has no SHA256SUMS\.sigstore\.json \(only SHA256SUMS\.sig\/\.pem, an older signing form/,
    );
  });

  it.each([
    ['win32', 'x64', /no Windows build/],
    ['darwin', 'x64', /no Intel-Mac build/],
    ['linux', 'ia32', /no sn2-miner build for linux-ia32/],
  ])(
    'refuses on %s-%s, where upstream builds nothing, and says Practice still works',
    async (platform, arch, why) => {
      const dataRoot = freshRoot();
      const err = await install(dataRoot, { support: engineSupport(platform, arch) }).catch((e: Error) => e);
      expect(err).toBeInstanceOf(UnsupportedPlatformError);
      expect((err as Error).message).toMatch(why);
      expect((err as Error).message).toMatch(/Practice mode works here/);
      expect(server.files.hits.some((h) => h.path.includes('undefined'))).toBe(false);
    },
  );

  it('refuses a binary that does not run here, naming OpenSSL 3 for a loader error', async () => {
    server.publish({ tag: '14.6.4', binary: standinMiner('14.6.4', 'libssl-missing') });
    const dataRoot = freshRoot();
    await expect(install(dataRoot, { tag: '14.6.4' })).rejects.toThrow(
      /needs OpenSSL 3 \(libssl\.so\.3\).*install OpenSSL 3/,
    );
    expectNothingInstalled(dataRoot);
  });

  it('resumes a cut download from its .part', async () => {
    const binary = standinMiner('14.6.5');
    server.publish({ tag: '14.6.5', binary });
    const dataRoot = freshRoot();
    const assetPath = server.assetPath('14.6.5');
    server.files.cutNextAfter(50_000, assetPath);
    await expect(install(dataRoot, { tag: '14.6.5' })).rejects.toThrow(/download .* failed/);
    const part = join(
      engineDir(dataRoot),
      '.staging',
      `sn2-miner-linux-x86_64-${sha256(binary).slice(0, 12)}.part`,
    );
    expect(statSync(part).size).toBe(50_000);
    expect(readEngineManifest(dataRoot).active).toBeUndefined();
    const r = await install(dataRoot, { tag: '14.6.5' });
    expect(r.installed.sha256).toBe(sha256(binary));
    expect(r.resumedFrom).toBe(50_000);
    expect(server.files.hits.filter((h) => `/${assetPath}` === h.path).at(-1)?.range).toBe('bytes=50000-');
    expect(existsSync(part)).toBe(false);
  });

  it('re-hashes before each start: a changed binary is refused', async () => {
    server.publish({ tag: '14.6.6', binary: standinMiner('14.6.6') });
    const dataRoot = freshRoot();
    const { installed } = await install(dataRoot, { tag: '14.6.6' });
    const { appendFileSync } = await import('node:fs');
    appendFileSync(installed.path, '# changed\n');
    await expect(verifyInstalledEngine(dataRoot, linux)).rejects.toThrow(
      /the sn2-miner at .*14\.6\.6\/sn2-miner changed since it was verified .*reinstall it \("sn2 engine install"\)/,
    );
  });
});
