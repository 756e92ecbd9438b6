import { createInterface } from 'node:readline';
import type { NativePathChange } from '../contract/core-channel.js';
import { UserError } from '../util/errors.js';

export interface Terminal {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
}

/** How long a question waits for the person at the terminal before it counts as "no". */
const ANSWER_WITHIN_MS = 120_000;

/**
 * `sn2 ui`'s confirmation of a native executable chosen in the browser: a y/N question on the terminal
 * that runs `sn2 ui`, one at a time. Without a terminal (a service, a pipe) nobody can answer: the
 * change is refused with the commands that do the same from a shell.
 */
export function terminalConfirm(terminal: Terminal): (change: NativePathChange) => Promise<boolean> {
  let queue: Promise<unknown> = Promise.resolve();
  const ask = async (change: NativePathChange): Promise<boolean> => {
    if (!terminal.input.isTTY)
      throw new UserError(
        `not saved: "sn2 ui" has no terminal to confirm running ${change.path} as ${change.tool}; ` +
          `use "sn2 ezkl use <path>" or "sn2 provers use" in a shell instead`,
      );
    const rl = createInterface({ input: terminal.input, output: terminal.output });
    try {
      const question =
        `\nThe browser UI asks to run ${change.path} as ${change.tool}` +
        `${change.previous ? ` (instead of ${change.previous})` : ''}. ` +
        'It will run with your user rights. Allow? [y/N] ';
      const answer = await new Promise<string>((resolve) => {
        const timer = setTimeout(() => {
          terminal.output.write('\nno answer: not allowed\n');
          resolve('');
        }, ANSWER_WITHIN_MS);
        rl.question(question, (a) => {
          clearTimeout(timer);
          resolve(a);
        });
      });
      return /^y(es)?$/i.test(answer.trim());
    } finally {
      rl.close();
    }
  };
  return (change) => {
    const answer = queue.then(() => ask(change));
    queue = answer.catch(() => undefined);
    return answer;
  };
}
