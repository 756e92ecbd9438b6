import { z } from 'zod';

export const GpuSchema = z.object({
  vendor: z.string(),
  model: z.string(),
  vramMb: z.number().nullable(),
  driverVersion: z.string().nullable(),
  cuda: z.boolean(),
});

export const HardwareCheckSchema = z.object({
  name: z.enum(['cpu', 'memory', 'disk', 'gpu']),
  ok: z.boolean(),
  /** Plain sentence: what was found against what SN2 recommends. */
  message: z.string(),
});

export const HardwareReportSchema = z.object({
  cpu: z.object({
    brand: z.string(),
    physicalCores: z.number().int(),
    threads: z.number().int(),
    speedGHz: z.number().nullable(),
    flags: z.array(z.string()),
  }),
  memory: z.object({ totalBytes: z.number(), availableBytes: z.number() }),
  disk: z.object({ path: z.string(), freeBytes: z.number().nullable(), totalBytes: z.number().nullable() }),
  os: z.object({ platform: z.string(), distro: z.string(), release: z.string(), arch: z.string() }),
  gpus: z.array(GpuSchema),
  verdict: z.object({
    meetsMinimum: z.boolean(),
    checks: z.array(HardwareCheckSchema),
    summary: z.string(),
  }),
});
export type HardwareReport = z.infer<typeof HardwareReportSchema>;

export const CircuitBenchmarkSchema = z.object({
  circuitId: z.string(),
  circuitName: z.string(),
  prover: z.string(),
  runs: z.number().int(),
  p50Ms: z.number().nullable(),
  minMs: z.number().nullable(),
  maxMs: z.number().nullable(),
  /** The validator timeout the latency is judged against (ms). */
  timeoutMs: z.number(),
  ok: z.boolean(),
  error: z.string().optional(),
});
export const BenchmarkReportSchema = z.object({ at: z.number(), circuits: z.array(CircuitBenchmarkSchema) });
export type BenchmarkReport = z.infer<typeof BenchmarkReportSchema>;
