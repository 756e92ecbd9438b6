import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chooseEzklAsset,
  DEFAULT_EZKL_RELEASE_FILE,
  ezklReleaseFile,
  loadEzklRelease,
} from '../../../core/provers/ezkl/release.js';
import { EZKL_VERSION } from '../../../core/provers/ezkl/native-cli.js';

describe('the ezkl release table', () => {
  const shipped = loadEzklRelease(DEFAULT_EZKL_RELEASE_FILE);

  it('ships the version SN2 v10 pins, one archive per desktop platform, all from that release', () => {
    expect(shipped.version).toBe(EZKL_VERSION);
    expect(Object.keys(shipped.assets).sort()).toEqual([
      'darwin-arm64',
      'darwin-x64',
      'linux-arm64',
      'linux-x64',
      'win32-x64',
    ]);
    for (const asset of Object.values(shipped.assets))
      expect(asset.url).toMatch(
        /\/releases\/download\/v22\.0\.1\/build-artifacts\.ezkl-[a-z0-9-]+\.tar\.gz$/,
      );
  });

  it('never offers an asset without a pinned checksum, and says why', () => {
    const release = {
      ...shipped,
      assets: { 'linux-x64': { url: 'https://example.invalid/a.tar.gz', sha256: null, maxBytes: 10 } },
    };
    expect(chooseEzklAsset(release, 'linux-x64')).toMatchObject({
      installable: false,
      reason: expect.stringMatching(/no pinned checksum .* linux-x64/),
    });
    expect(chooseEzklAsset(release, 'freebsd-x64')).toMatchObject({
      installable: false,
      reason: expect.stringMatching(/no release for freebsd-x64/),
    });
    const pinned = { ...release.assets['linux-x64'], sha256: 'ab'.repeat(32) };
    expect(chooseEzklAsset({ ...release, assets: { 'linux-x64': pinned } }, 'linux-x64')).toEqual({
      installable: true,
      key: 'linux-x64',
      asset: pinned,
    });
  });

  it('can be replaced through SN2_EZKL_RELEASE, and a bad table is refused naming the field', () => {
    expect(ezklReleaseFile({})).toBe(DEFAULT_EZKL_RELEASE_FILE);
    const file = join(mkdtempSync(join(tmpdir(), 'sn2-rel-')), 'ezkl.json');
    expect(ezklReleaseFile({ SN2_EZKL_RELEASE: file })).toBe(file);
    writeFileSync(
      file,
      JSON.stringify({
        ...shipped,
        assets: { 'linux-x64': { url: 'https://x/a', sha256: 'ABC', maxBytes: 1 } },
      }),
    );
    expect(() => loadEzklRelease(file)).toThrow(
      /assets\.linux-x64\.sha256: must be 64 lower-case hex digits/,
    );
    writeFileSync(file, '{');
    expect(() => loadEzklRelease(file)).toThrow(/cannot read the ezkl release table/);
  });
});
