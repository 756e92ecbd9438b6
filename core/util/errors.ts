/**
 * An error caused by what the user gave us (bad flag, bad file, wrong password...). Its message is
 * shown as-is, on one line, with no stack trace.
 */
export class UserError extends Error {
  override readonly name: string = 'UserError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Input that failed a schema: the message names every field, `issues` lists them for forms. */
export class InvalidInputError extends UserError {
  override readonly name = 'InvalidInputError';
  constructor(
    message: string,
    readonly issues: Array<{ path: string; message: string }>,
  ) {
    super(message);
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
