import { z } from 'zod';
import { UserError, errorMessage } from '../util/errors.js';
import { formatZodError } from '../util/zod-error.js';

/** How a command prints: human text by default, one JSON document with --json. */
export interface CliOutput {
  json: boolean;
  /** Print the command's result: `value` as JSON with --json, else the human text. */
  result(value: unknown, human: () => string): void;
  /** Progress/info lines for humans; silent with --json (stdout stays one JSON document). */
  info(line: string): void;
}

export function cliOutput(json: boolean): CliOutput {
  return {
    json,
    result(value, human) {
      process.stdout.write(json ? `${JSON.stringify(value, bigintReplacer, 2)}\n` : `${human()}\n`);
    },
    info(line) {
      if (!json) process.stderr.write(`${line}\n`);
    },
  };
}

export function bigintReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/**
 * Exit statuses of `sn2`: 0 done; 1 the command failed or refused its input (a wrong value, a missing
 * file, an unreachable chain, a proof that does not verify); 2 the command line itself is wrong
 * (unknown command or option, missing argument); 130 interrupted (Ctrl-C).
 */
export const EXIT = { failed: 1, usage: 2, interrupted: 130 } as const;

/** The command line could not be parsed (commander's errors): exit status 2. */
export class UsageError extends UserError {
  override readonly name = 'UsageError';
  readonly exitCode = EXIT.usage;
}

const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/** The network failure (errno code and host) behind an error, following its `cause` chain. */
function networkCause(err: unknown): string | null {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const { code, hostname } = e as Error & { code?: unknown; hostname?: unknown };
    if (typeof code === 'string' && NETWORK_CODES.has(code))
      return typeof hostname === 'string' ? `${code} ${hostname}` : code;
  }
  return null;
}

/**
 * One line saying what went wrong: the error's first line (a zod error's issues, not its JSON), plus
 * the network failure behind a bare "fetch failed" (Node's fetch hides it in `cause`) so that an
 * offline machine says so.
 */
export function describeError(err: unknown): string {
  if (err instanceof z.ZodError) return `invalid value: ${formatZodError(err)}`;
  const message = errorMessage(err).split('\n')[0].trim() || 'unknown error';
  if (!/fetch failed/.test(message)) return message;
  const cause = networkCause(err);
  return cause ? `${message} (${cause}: is this computer online?)` : message;
}

/** One clear line on stderr (and `{"error"}` on stdout with --json) and a non-zero exit. */
export function fail(err: unknown, json: boolean): never {
  const message = describeError(err);
  if (json) process.stdout.write(`${JSON.stringify({ error: message })}\n`);
  process.stderr.write(`sn2: error: ${message}\n`);
  if (process.env.SN2_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  process.exit(
    err instanceof Error && 'exitCode' in err && typeof err.exitCode === 'number'
      ? err.exitCode
      : EXIT.failed,
  );
}
