import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { UserError } from '../util/errors.js';

/** What an errno means for a path the user gave, in words (ENOENT → "does not exist"). */
export function pathProblem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'does not exist';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENOTDIR':
      return 'is not under a folder (a part of the path is a file)';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be accessed (permission denied)';
    case 'EROFS':
      return 'is on a read-only file system';
    default:
      return `cannot be used (${(err as Error).message})`;
  }
}

/** The parsed JSON of a file the user named, or a UserError saying what is wrong with it. */
export function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UserError(`${what} ${path} ${pathProblem(err)}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    const detail = (err as Error).message.replace(/\s+/g, ' ').slice(0, 120);
    throw new UserError(`${what} ${path} is not valid JSON (${detail})`);
  }
}

/** Make sure `dir` is a folder we can write into (created when missing). */
export function ensureOutputDir(dir: string, flag: string): void {
  try {
    const st = statSync(dir, { throwIfNoEntry: false });
    if (st && !st.isDirectory()) throw new UserError(`${flag} ${dir} is a file, not a folder`);
    if (!st) mkdirSync(dir, { recursive: true });
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`${flag} ${dir} ${pathProblem(err)}`);
  }
}
