import type { z } from 'zod';

/** Every issue with the dotted path of its field ("(root)" for the whole value). */
export const zodIssues = (error: z.ZodError): Array<{ path: string; message: string }> =>
  error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.join('.') : '(root)',
    message: issue.message,
  }));

/** "wallet.name: may contain only letters…; axon.port: Too big…" — every issue with the path of its field. */
export function formatZodError(error: z.ZodError): string {
  return zodIssues(error)
    .map((issue) => `${issue.path}: ${issue.message}`)
    .join('; ');
}
