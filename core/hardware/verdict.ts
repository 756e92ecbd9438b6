import type { HardwareReport } from '../contract/hardware.js';

/** SN2's published miner recommendations. */
export const SN2_MINIMUMS = { cores: 8, memoryBytes: 32 * 1024 ** 3, diskBytes: 100 * 1024 ** 3 } as const;

const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

type Facts = Omit<HardwareReport, 'verdict'>;

/** Judge the machine against the minimums, saying plainly what falls short. */
export function hardwareVerdict(facts: Facts): HardwareReport['verdict'] {
  const cores = Math.max(facts.cpu.physicalCores, 1);
  const checks: HardwareReport['verdict']['checks'] = [
    {
      name: 'cpu',
      ok: cores >= SN2_MINIMUMS.cores,
      message:
        cores >= SN2_MINIMUMS.cores
          ? `${cores} CPU cores (recommended ${SN2_MINIMUMS.cores})`
          : `${cores} CPU cores, below the recommended ${SN2_MINIMUMS.cores}: proofs will be slower and fewer can run at once`,
    },
    {
      name: 'memory',
      ok: facts.memory.totalBytes >= SN2_MINIMUMS.memoryBytes * 0.95,
      message:
        facts.memory.totalBytes >= SN2_MINIMUMS.memoryBytes * 0.95
          ? `${gib(facts.memory.totalBytes)} RAM (recommended 32 GB)`
          : `${gib(facts.memory.totalBytes)} RAM, below the recommended 32 GB: large circuits may not fit`,
    },
    facts.disk.freeBytes === null
      ? { name: 'disk', ok: false, message: `free space in ${facts.disk.path} could not be read` }
      : {
          name: 'disk',
          ok: facts.disk.freeBytes >= SN2_MINIMUMS.diskBytes,
          message:
            facts.disk.freeBytes >= SN2_MINIMUMS.diskBytes
              ? `${gib(facts.disk.freeBytes)} free in the data folder (recommended 100 GB)`
              : `${gib(facts.disk.freeBytes)} free in the data folder, below the recommended 100 GB: circuit files and proving keys may not fit`,
        },
    facts.gpus.some((g) => g.cuda)
      ? { name: 'gpu', ok: true, message: `CUDA GPU: ${facts.gpus.find((g) => g.cuda)!.model}` }
      : {
          name: 'gpu',
          ok: true,
          message:
            facts.gpus.length === 0
              ? 'no GPU found: proofs run on the CPU (supported; a CUDA GPU makes native provers faster)'
              : `no CUDA GPU (${facts.gpus.map((g) => g.model).join(', ')}): proofs run on the CPU`,
        },
  ];
  const short = checks.filter((c) => !c.ok);
  return {
    meetsMinimum: short.length === 0,
    checks,
    summary:
      short.length === 0
        ? 'This machine meets the SN2 miner recommendations.'
        : `Below the SN2 miner recommendations: ${short.map((c) => c.name).join(', ')}. You can still mine; expect fewer and slower proofs.`,
  };
}
