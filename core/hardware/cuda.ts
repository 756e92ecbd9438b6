/**
 * CUDA GPUs on this machine: `nvidia-smi` (installed with the NVIDIA driver) is the authority; without
 * it, systeminformation's NVIDIA controllers that report a driver. Used to offer GPU provers only where
 * a GPU can run them.
 */
import { execFile } from 'node:child_process';
import si from 'systeminformation';

export interface CudaGpu {
  name: string;
  memoryMb: number | null;
  driverVersion: string | null;
}

const QUERY = ['--query-gpu=name,memory.total,driver_version', '--format=csv,noheader,nounits'];

/** Parses `nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader,nounits`. */
export function parseNvidiaSmi(text: string): CudaGpu[] {
  return text
    .split('\n')
    .map((line) => line.split(',').map((f) => f.trim()))
    .filter((f) => f.length >= 3 && f[0])
    .map(([name, memory, driver]) => ({
      name,
      memoryMb: /^\d+$/.test(memory) ? Number(memory) : null,
      driverVersion: driver || null,
    }));
}

export async function detectCudaGpus(): Promise<CudaGpu[]> {
  const smi = await new Promise<string | null>((resolve) => {
    execFile('nvidia-smi', QUERY, { timeout: 10_000, windowsHide: true }, (err, stdout) =>
      resolve(err ? null : stdout),
    );
  });
  if (smi !== null) return parseNvidiaSmi(smi);
  const graphics = await si.graphics().catch(() => ({ controllers: [] }));
  return graphics.controllers
    .filter((c) => /nvidia/i.test(c.vendor ?? '') && Boolean(c.driverVersion))
    .map((c) => ({
      name: c.model || 'NVIDIA GPU',
      memoryMb: c.vram ?? null,
      driverVersion: c.driverVersion || null,
    }));
}
