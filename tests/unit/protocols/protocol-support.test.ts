import { describe, expect, it } from 'vitest';
import { assessProtocolSupport, ENGINE_DISK_BYTES } from '../../../core/engines/protocol-support.js';

const base = {
  protocol: '2026' as const,
  platform: 'linux',
  arch: 'x64',
  port: 8091,
  freeDiskBytes: 100 * 1024 ** 3,
};

describe('assessProtocolSupport (the registration guard)', () => {
  it('Linux x64 with an engine, a free port and disk can mine 2026', () => {
    const s = assessProtocolSupport({ ...base, enginePath: '/e/sn2-miner' });
    expect(s.canMine).toBe(true);
    expect(s.checks.map((c) => c.id)).toEqual(['platform', 'engine', 'port', 'disk']);
    expect(s.wontWork).toEqual([]);
  });

  it.each([
    ['win32', 'x64', /no Windows build/],
    ['darwin', 'x64', /no Intel-Mac build of sn2-miner \(only Apple silicon\)/],
    ['freebsd', 'x64', /no sn2-miner build for freebsd-x64/],
  ])('%s/%s cannot mine 2026 and says why', (platform, arch, why) => {
    const s = assessProtocolSupport({ ...base, platform, arch });
    expect(s.canMine).toBe(false);
    expect(s.summary).toMatch(why);
    expect(s.wontWork.join(' ')).toContain('burn TAO');
    expect(s.willWork[0]).toContain('Practice');
  });

  it('v10 needs no engine, so it works on any platform', () => {
    expect(assessProtocolSupport({ ...base, protocol: 'v10', platform: 'win32' }).canMine).toBe(true);
  });

  it('a taken port or too little disk blocks, naming the holder and the sizes', () => {
    const port = assessProtocolSupport({ ...base, enginePath: '/e', portInUseBy: 'node (pid 7)' });
    expect(port.canMine).toBe(false);
    expect(port.summary).toContain('port 8091 is in use by node (pid 7)');
    const disk = assessProtocolSupport({ ...base, enginePath: '/e', freeDiskBytes: ENGINE_DISK_BYTES / 10 });
    expect(disk.canMine).toBe(false);
    expect(disk.summary).toMatch(/only 1\.0 GB free; about 10\.0 GB needed/);
  });
});
