import { errorMessage } from '../util/errors.js';

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

/** One clear line on stderr and a non-zero exit: what every command does on bad input. */
export function fail(err: unknown, json: boolean): never {
  const message = errorMessage(err).split('\n')[0];
  if (json) process.stdout.write(`${JSON.stringify({ error: message })}\n`);
  process.stderr.write(`sn2: error: ${message}\n`);
  process.exit(
    err instanceof Error && 'exitCode' in err && typeof err.exitCode === 'number' ? err.exitCode : 1,
  );
}
