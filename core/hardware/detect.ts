import si from 'systeminformation';
import { statfs } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { arch } from 'node:os';
import type { HardwareReport } from '../contract/hardware.js';
import { hardwareVerdict } from './verdict.js';

/** Detect CPU, memory, disk (free space where the data lives), OS and GPUs. Works without any GPU. */
export async function detectHardware(dataDir: string): Promise<HardwareReport> {
  const [cpu, mem, os, graphics, disk] = await Promise.all([
    si.cpu(),
    si.mem(),
    si.osInfo(),
    si.graphics().catch(() => ({ controllers: [] as si.Systeminformation.GraphicsControllerData[] })),
    diskSpace(dataDir),
  ]);
  const facts = {
    cpu: {
      brand: `${cpu.manufacturer} ${cpu.brand}`.trim(),
      physicalCores: cpu.physicalCores || cpu.cores,
      threads: cpu.cores,
      speedGHz: cpu.speed || null,
      flags: cpu.flags
        ? cpu.flags.split(/\s+/).filter((f) => /^(avx|avx2|avx512f|sse4_2|adx|bmi2|neon)$/.test(f))
        : [],
    },
    memory: { totalBytes: mem.total, availableBytes: mem.available },
    disk,
    os: { platform: os.platform, distro: os.distro, release: os.release, arch: arch() },
    gpus: graphics.controllers.map((c) => ({
      vendor: c.vendor || 'unknown',
      model: c.model || 'unknown',
      vramMb: c.vram ?? null,
      driverVersion: c.driverVersion || null,
      cuda: /nvidia/i.test(c.vendor ?? '') && Boolean(c.driverVersion),
    })),
  };
  return { ...facts, verdict: hardwareVerdict(facts) };
}

async function diskSpace(path: string): Promise<HardwareReport['disk']> {
  let probe = path;
  while (!existsSync(probe) && dirname(probe) !== probe) probe = dirname(probe);
  try {
    const s = await statfs(probe);
    return { path, freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
  } catch {
    return { path, freeBytes: null, totalBytes: null };
  }
}
