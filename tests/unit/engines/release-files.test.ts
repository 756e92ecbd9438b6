import { describe, expect, it } from 'vitest';
import { sha256ForAsset } from '../../../core/engines/install/sha256sums.js';
import { engineSupport } from '../../../core/engines/install/platform.js';
import { compareSemverTags, isTestnetTag } from '../../../core/engines/install/releases.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('SHA256SUMS lines (spec sn2-2026.md §2.3 step 3)', () => {
  it('matches the asset name exactly, split on whitespace', () => {
    const sums = `${B}  sn2-miner-linux-x86_64.sig\n${A}  sn2-miner-linux-x86_64\n${B}  sn2-validator-linux-x86_64\n`;
    expect(sha256ForAsset(sums, 'sn2-miner-linux-x86_64')).toBe(A);
    expect(sha256ForAsset(`${A}\tsn2-miner-linux-x86_64`, 'sn2-miner-linux-x86_64')).toBe(A);
    expect(sha256ForAsset(sums, 'sn2-miner-linux')).toBeNull();
  });

  it('finds nothing for a binary-mode name, an upper-case or short hash, or two lines that disagree', () => {
    expect(sha256ForAsset(`${A} *sn2-miner-linux-x86_64`, 'sn2-miner-linux-x86_64')).toBeNull();
    expect(sha256ForAsset(`${A.toUpperCase()}  sn2-miner-linux-x86_64`, 'sn2-miner-linux-x86_64')).toBeNull();
    expect(sha256ForAsset(`abc  sn2-miner-linux-x86_64`, 'sn2-miner-linux-x86_64')).toBeNull();
    expect(sha256ForAsset(`${A}  x\n${B}  x\n`, 'x')).toBeNull();
    expect(sha256ForAsset(`${A}  x\n${A}  x\n`, 'x')).toBe(A);
  });
});

describe('platforms (spec §2.1) and tags (§2.2)', () => {
  it('maps the three upstream builds and refuses the rest', () => {
    expect(engineSupport('linux', 'x64')).toEqual({
      supported: true,
      platform: 'linux-x64',
      asset: 'sn2-miner-linux-x86_64',
    });
    expect(engineSupport('linux', 'arm64')).toMatchObject({ asset: 'sn2-miner-linux-aarch64' });
    expect(engineSupport('darwin', 'arm64')).toMatchObject({ asset: 'sn2-miner-macos-aarch64' });
    for (const [p, a] of [
      ['win32', 'x64'],
      ['win32', 'arm64'],
      ['darwin', 'x64'],
      ['freebsd', 'x64'],
    ])
      expect(engineSupport(p, a).supported).toBe(false);
  });

  it('orders versions numerically and keeps testnet tags to plain folder names', () => {
    expect(compareSemverTags('14.10.0', '14.9.0')).toBeGreaterThan(0);
    expect(compareSemverTags('v14.6.0', '14.6.0')).toBe(0);
    expect(isTestnetTag('testnet-latest')).toBe(true);
    expect(isTestnetTag('testnet-../../x')).toBe(false);
    expect(isTestnetTag('testnet-a/b')).toBe(false);
  });
});

describe('the GitHub releases API', () => {
  it("says when GitHub's rate limit refused the listing, and until when", async () => {
    const { createServer } = await import('node:http');
    const { listReleases } = await import('../../../core/engines/install/releases.js');
    const server = createServer((req, res) => {
      // GitHub's documented answer once the hourly limit is used up (403, remaining 0, reset in epoch seconds).
      if (req.url?.startsWith('/hourly/'))
        return void res
          .writeHead(403, {
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': String(Date.UTC(2026, 11, 6, 13, 7) / 1000),
          })
          .end('{"message":"API rate limit exceeded"}');
      res.writeHead(429, { 'retry-after': '120' }).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      await expect(listReleases(`${base}/hourly`)).rejects.toThrow(
        /answered HTTP 403: GitHub's hourly rate limit for this address is used up; try again after 13:07 UTC/,
      );
      await expect(listReleases(`${base}/secondary`)).rejects.toThrow(
        /HTTP 429: GitHub's rate limit for this address; try again in 2 min/,
      );
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
