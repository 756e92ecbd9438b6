import { UserError } from '../util/errors.js';
import { EXIT } from './context.js';

/** Where a password comes from when it is not typed at a prompt. */
export interface PasswordFlags {
  passwordEnv?: string;
  passwordStdin?: boolean;
}

/**
 * From `--password-env VAR` or `--password-stdin`, else an interactive prompt without echo (twice when
 * creating).
 */
export async function obtainPassword(from: PasswordFlags, label: string, confirm: boolean): Promise<string> {
  if (from.passwordEnv !== undefined && from.passwordStdin)
    throw new UserError('give either --password-env or --password-stdin, not both');
  if (from.passwordEnv !== undefined) {
    const value = process.env[from.passwordEnv];
    if (!value) throw new UserError(`environment variable ${from.passwordEnv} is not set or empty`);
    return value;
  }
  if (from.passwordStdin) {
    const value = await readStdinLine();
    if (!value) throw new UserError('--password-stdin: stdin held no password (an empty first line)');
    return value;
  }
  const password = await promptHidden(`${label}: `);
  if (!password) throw new UserError('the password must not be empty');
  if (confirm && (await promptHidden('Repeat it: ')) !== password)
    throw new UserError('the passwords do not match');
  return password;
}

/** The first line of stdin, read to its end (for `echo "$PW" | sn2 …`). */
export async function readStdinLine(): Promise<string> {
  if (process.stdin.isTTY)
    throw new UserError(
      '--password-stdin needs the password piped in, not a terminal (or drop the flag to be prompted)',
    );
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

/** Read one line from the terminal without echoing it; Ctrl-C aborts with exit status 130. */
export function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    throw new UserError(
      `no terminal to prompt on ("${question.trim()}"): pass it with a flag instead (see --help)`,
    );
  }
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const done = (err?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003')
          return done(Object.assign(new UserError('interrupted'), { exitCode: EXIT.interrupted }));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
