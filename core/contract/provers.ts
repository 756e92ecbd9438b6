import { z } from 'zod';

/** One prover on this machine: whether it is used, where it was found, or why not. */
export const ProverStatusSchema = z.object({
  name: z.enum(['snarkjs', 'rapidsnark', 'icicle-snark', 'ezkl']),
  usable: z.boolean(),
  path: z.string().nullable(),
  /** built-in (snarkjs), settings (a configured path), data (the data folder's bin/), bundled, PATH. */
  source: z.enum(['built-in', 'settings', 'data', 'bundled', 'PATH']).nullable(),
  reason: z.string().optional(),
  /** Its verified practice-circuit proof at detection (native Groth16 provers). */
  selfTestMs: z.number().optional(),
});

/** A measured proof time of one Groth16 circuit with one prover (the witness excluded). */
export const ProverTimeSchema = z.object({
  circuitId: z.string(),
  circuitName: z.string(),
  prover: z.string(),
  ms: z.number().nullable(),
  /** Why the measurement failed (the prover is then not chosen for the circuit). */
  error: z.string().optional(),
  /** Why it is not used for the circuit any more (it failed a request). */
  demoted: z.string().optional(),
  chosen: z.boolean(),
});

export const ProversReportSchema = z.object({
  provers: z.array(ProverStatusSchema),
  times: z.array(ProverTimeSchema),
  /** The prover each provable Groth16 circuit uses now. */
  choices: z.array(z.object({ circuitId: z.string(), circuitName: z.string(), prover: z.string() })),
});
export type ProversReport = z.infer<typeof ProversReportSchema>;

export const proversCommandSchemas = {
  'provers.list': {
    /** measure: measure every prover on every provable Groth16 circuit again first. */
    input: z.object({ measure: z.boolean().optional() }).strict(),
    output: ProversReportSchema,
  },
} as const;
