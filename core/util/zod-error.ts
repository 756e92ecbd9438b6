import type { z } from 'zod';

/** "wallet.name: may contain only letters…; axon.port: Too big…" — every issue with the path of its field. */
export function formatZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
