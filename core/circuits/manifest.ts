import { z } from 'zod';

export const FileRoleSchema = z.enum(['prove', 'verify', 'reference']);
export type FileRole = z.infer<typeof FileRoleSchema>;

/** One file of a circuit, as listed in `deployment_layer/model_<id>/files.json` (our manifest). */
export const CircuitFileSpecSchema = z
  .object({
    /** Pinned upstream URL (git blob at the pinned commit, or the external storage URL); null for files bundled with the app. */
    url: z.string().url().nullable(),
    /** Expected SHA-256 when known; external proving keys have none upstream. */
    sha256: z
      .string()
      .regex(/^[a-f0-9]{64}$/)
      .nullable(),
    bytes: z.number().int().positive().nullable(),
    max_bytes: z.number().int().positive(),
    /** Shipped in the upstream package (true) or an external download (false). */
    in_package: z.boolean(),
    roles: z.array(FileRoleSchema).min(1),
  })
  .strict();
export type CircuitFileSpec = z.infer<typeof CircuitFileSpecSchema>;

export const CircuitFilesManifestSchema = z
  .object({ source: z.string(), files: z.record(z.string(), CircuitFileSpecSchema) })
  .strict();
export type CircuitFilesManifest = z.infer<typeof CircuitFilesManifestSchema>;
