/**
 * An error caused by what the user gave us (bad flag, bad file, wrong password...). Its message is
 * shown as-is, on one line, with no stack trace.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
