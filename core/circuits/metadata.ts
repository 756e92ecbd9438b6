import { z } from 'zod';

/**
 * A circuit's `metadata.json` exactly as upstream SN2 v10 reads it (sn2-protocol §4.2). Upstream maps the
 * object onto a dataclass, so an unknown key makes the circuit fail to load: the schema is strict.
 */
export const CircuitMetadataSchema = z
  .object({
    name: z.string(),
    description: z.string(),
    author: z.string(),
    version: z.string(),
    proof_system: z.enum(['CIRCOM', 'EZKL', 'JOLT']),
    type: z.enum(['proof_of_weights', 'proof_of_computation']),
    external_files: z.record(z.string(), z.string().url()),
    netuid: z.union([z.number().int(), z.string()]).nullable().optional(),
    weights_version: z.number().int().nullable().optional(),
    timeout: z.number().int().positive().nullable().optional(),
    benchmark_choice_weight: z.number().nonnegative().nullable().optional(),
  })
  .strict();
export type CircuitMetadata = z.infer<typeof CircuitMetadataSchema>;
export type ProofSystem = CircuitMetadata['proof_system'];
