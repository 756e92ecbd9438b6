import { z } from 'zod';

/** `settings.json` of a CIRCOM circuit: the fixed-point scale and the public-signal layout (§4.6). */
export const CircomSettingsSchema = z.object({
  scaling: z.number().int().positive(),
  public_inputs: z.object({
    order: z.array(z.string()).min(1),
    sizes: z.record(z.string(), z.number().int().positive()),
  }),
});
export type CircomSettings = z.infer<typeof CircomSettingsSchema>;

const EzklInputTypeSchema = z.enum(['F16', 'F32', 'F64', 'Int', 'Bool', 'TDim']);
export type EzklInputType = z.infer<typeof EzklInputTypeSchema>;

/** The fields of ezkl's GraphSettings that proving and verification depend on (§4.6, EZKL variant). */
export const EzklSettingsSchema = z
  .object({
    run_args: z
      .object({
        logrows: z.number().int().min(1).max(26),
        input_scale: z.number().int(),
        param_scale: z.number().int(),
        input_visibility: z.unknown(),
        output_visibility: z.unknown(),
        commitment: z.string().nullable().optional(),
      })
      .passthrough(),
    model_instance_shapes: z.array(z.array(z.number().int())),
    model_input_scales: z.array(z.number().int()),
    model_output_scales: z.array(z.number().int()),
    input_types: z.array(EzklInputTypeSchema).nullable().optional(),
    output_types: z.array(EzklInputTypeSchema).nullable().optional(),
    version: z.string().optional(),
  })
  .passthrough();
export type EzklSettings = z.infer<typeof EzklSettingsSchema>;

/** Public-signal count a CIRCOM settings layout describes (outputs and inputs). */
export function circomPublicSize(settings: CircomSettings): number {
  return settings.public_inputs.order.reduce((n, name) => n + (settings.public_inputs.sizes[name] ?? 0), 0);
}
