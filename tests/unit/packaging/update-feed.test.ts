import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appUpdateMismatches,
  channelFiles,
  channelOf,
  parseAppUpdate,
  verifyReleaseFolder,
} from '../../../scripts/packaging/update-feed.js';

describe('update channels', () => {
  it('derives the channel from the version as electron-builder does', () => {
    expect(channelOf('1.2.3')).toBe('latest');
    expect(channelOf('1.3.0-beta.2')).toBe('beta');
    expect(channelOf('2.0.0-alpha.1+build.5')).toBe('alpha');
    expect(channelFiles('1.3.0-beta.2')).toEqual({
      win: 'beta.yml',
      mac: 'beta-mac.yml',
      linux: 'beta-linux.yml',
    });
    expect(() => channelOf('v1.2')).toThrow(/not a semantic version/);
  });
});

describe('app-update.yml', () => {
  const github = { provider: 'github' as const, owner: 'subnet2-desktop', repo: 'subnet2-desktop' };

  it('parses what electron-builder writes and matches it against the publish config', () => {
    const feed = parseAppUpdate(
      'owner: subnet2-desktop\nrepo: subnet2-desktop\nprovider: github\nreleaseType: draft\nupdaterCacheDirName: subnet2-desktop-updater\n',
    );
    expect(appUpdateMismatches(feed, github, 'subnet2-desktop')).toEqual([]);
    expect(appUpdateMismatches(feed, { ...github, repo: 'fork' }, 'subnet2-desktop')).toEqual([
      'feed is subnet2-desktop/subnet2-desktop, expected subnet2-desktop/fork',
    ]);
    expect(
      appUpdateMismatches(feed, { provider: 'generic', url: 'https://u.example/' }, 'subnet2-desktop'),
    ).toEqual(['provider is github, electron-builder.yml says generic']);
  });

  it('rejects a feed without a destination', () => {
    expect(() => parseAppUpdate('provider: github\nupdaterCacheDirName: x\n')).toThrow();
    expect(() => parseAppUpdate('provider: generic\nurl: not a url\nupdaterCacheDirName: x\n')).toThrow();
  });
});

describe('verifyReleaseFolder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sn2-release-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function artefact(
    name: string,
    body: string,
  ): Promise<{ url: string; sha512: string; size: number }> {
    await writeFile(join(dir, name), body);
    return {
      url: name,
      sha512: createHash('sha512').update(body).digest('base64'),
      size: Buffer.byteLength(body),
    };
  }
  const feedYaml = (version: string, files: Array<{ url: string; sha512: string; size: number }>) =>
    `version: ${version}\nfiles:\n${files.map((f) => `  - url: ${f.url}\n    sha512: ${f.sha512}\n    size: ${f.size}\n`).join('')}releaseDate: '2025-01-01T00:00:00.000Z'\n`;

  it('lists the feed files, installers and blockmaps a release must upload', async () => {
    const exe = await artefact('subnet2-desktop-1.0.0-win-x64.exe', 'installer bytes');
    await writeFile(join(dir, `${exe.url}.blockmap`), 'map');
    const appImage = await artefact('subnet2-desktop-1.0.0-linux-x86_64.AppImage', 'appimage bytes');
    await writeFile(join(dir, `${appImage.url}.blockmap`), 'map');
    await writeFile(join(dir, 'latest.yml'), feedYaml('1.0.0', [exe]));
    await writeFile(join(dir, 'latest-linux.yml'), feedYaml('1.0.0', [appImage]));
    await writeFile(join(dir, 'builder-debug.yml'), 'x: 1\n');
    const report = await verifyReleaseFolder(dir, '1.0.0');
    expect(report.problems).toEqual([]);
    expect(report.assets).toEqual([
      'latest-linux.yml',
      'latest.yml',
      'subnet2-desktop-1.0.0-linux-x86_64.AppImage',
      'subnet2-desktop-1.0.0-linux-x86_64.AppImage.blockmap',
      'subnet2-desktop-1.0.0-win-x64.exe',
      'subnet2-desktop-1.0.0-win-x64.exe.blockmap',
    ]);
  });

  it('finds missing blockmaps, corrupted installers, stale feeds and a missing channel file', async () => {
    const zip = await artefact('app-1.1.0-beta.1-mac-arm64.zip', 'zip bytes');
    const dmg = await artefact('app-1.1.0-beta.1-mac-arm64.dmg', 'dmg bytes');
    await writeFile(join(dir, `${dmg.url}.blockmap`), 'map');
    await writeFile(join(dir, 'beta-mac.yml'), feedYaml('1.1.0-beta.1', [zip, { ...dmg, sha512: 'AAAA' }]));
    await writeFile(join(dir, 'beta.yml'), feedYaml('1.0.9', [zip]));
    const report = await verifyReleaseFolder(dir, '1.1.0-beta.1');
    expect(report.problems).toEqual([
      'app-1.1.0-beta.1-mac-arm64.zip.blockmap is missing (differential updates need it)',
      'app-1.1.0-beta.1-mac-arm64.dmg: sha512 differs from beta-mac.yml',
      'beta.yml is for 1.0.9, not 1.1.0-beta.1',
      'app-1.1.0-beta.1-mac-arm64.zip.blockmap is missing (differential updates need it)',
    ]);
    expect((await verifyReleaseFolder(dir, '1.1.0')).problems).toEqual([
      `no latest*.yml in ${dir}: nothing would tell installed apps to update`,
    ]);
  });
});
