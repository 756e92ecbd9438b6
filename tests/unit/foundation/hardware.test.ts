import { describe, expect, it, vi } from 'vitest';

// systeminformation is mocked: the real calls depend on the machine (and take seconds).
vi.mock('systeminformation', () => ({
  default: {
    cpu: async () => ({
      manufacturer: 'AMD',
      brand: 'EPYC 7B13',
      physicalCores: 2,
      cores: 4,
      speed: 2.5,
      flags: 'fpu sse4_2 avx avx2 avx512f',
    }),
    mem: async () => ({ total: 24 * 1024 ** 3, available: 20 * 1024 ** 3 }),
    osInfo: async () => ({ platform: 'linux', distro: 'Debian GNU/Linux', release: '12' }),
    graphics: async () => ({ controllers: [] }),
  },
}));

const { detectHardware } = await import('../../../core/hardware/detect.js');
const { hardwareVerdict } = await import('../../../core/hardware/verdict.js');
const { HardwareReportSchema } = await import('../../../core/contract/hardware.js');

describe('hardware', () => {
  it('reports a GPU-less machine and says plainly what falls short', async () => {
    const report = HardwareReportSchema.parse(await detectHardware(process.cwd()));
    expect(report.cpu).toMatchObject({ brand: 'AMD EPYC 7B13', physicalCores: 2, threads: 4 });
    expect(report.cpu.flags).toEqual(['sse4_2', 'avx', 'avx2', 'avx512f']);
    expect(report.gpus).toEqual([]);
    expect(report.disk.freeBytes).toBeGreaterThan(0);
    expect(report.verdict.meetsMinimum).toBe(false);
    const cpu = report.verdict.checks.find((c) => c.name === 'cpu')!;
    expect(cpu).toMatchObject({ ok: false });
    expect(cpu.message).toMatch(/2 CPU cores, below the recommended 8/);
    expect(report.verdict.checks.find((c) => c.name === 'gpu')!.message).toMatch(/no GPU found/);
  });

  it('passes a machine at the recommendations and names a CUDA GPU', () => {
    const verdict = hardwareVerdict({
      cpu: { brand: 'x', physicalCores: 16, threads: 32, speedGHz: 3, flags: [] },
      memory: { totalBytes: 64 * 1024 ** 3, availableBytes: 60 * 1024 ** 3 },
      disk: { path: '/d', freeBytes: 500 * 1024 ** 3, totalBytes: 1000 * 1024 ** 3 },
      os: { platform: 'linux', distro: 'Ubuntu', release: '24.04', arch: 'x64' },
      gpus: [{ vendor: 'NVIDIA', model: 'RTX 4090', vramMb: 24564, driverVersion: '550.54', cuda: true }],
    });
    expect(verdict.meetsMinimum).toBe(true);
    expect(verdict.checks.find((c) => c.name === 'gpu')!.message).toBe('CUDA GPU: RTX 4090');
  });

  it('treats unreadable disk space as a failed check, not a crash', () => {
    const verdict = hardwareVerdict({
      cpu: { brand: 'x', physicalCores: 8, threads: 8, speedGHz: null, flags: [] },
      memory: { totalBytes: 32 * 1024 ** 3, availableBytes: 1 },
      disk: { path: '/nowhere', freeBytes: null, totalBytes: null },
      os: { platform: 'linux', distro: '', release: '', arch: 'x64' },
      gpus: [],
    });
    expect(verdict.checks.find((c) => c.name === 'disk')).toMatchObject({ ok: false });
  });
});
