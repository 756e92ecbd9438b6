import { z } from 'zod';

/** One metric as `Sn2Metrics.snapshot()` returns it: name, help, type and labelled values. */
export const MetricSnapshotSchema = z.object({
  name: z.string(),
  help: z.string(),
  type: z.string(),
  values: z.array(
    z.object({
      labels: z.record(z.string(), z.union([z.string(), z.number()])),
      value: z.number(),
      /** Histogram series: `<name>_bucket` (with an `le` label), `<name>_sum`, `<name>_count`. */
      metricName: z.string().optional(),
    }),
  ),
});
export type MetricSnapshot = z.infer<typeof MetricSnapshotSchema>;

/**
 * Requests the miner's axon refused, labelled `reason` (a RefusalReason): a counter, read from
 * `RefusalSummary.byReason` (cumulative since the miner started).
 */
export const AXON_REFUSALS_METRIC = 'sn2_axon_refusals_total';
