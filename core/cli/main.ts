import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.js';
import { EXIT, UsageError, fail } from './context.js';
import { APP_VERSION } from '../contract/version.js';

export function buildProgram(): Command {
  const program = new Command('sn2')
    .description(
      'Subnet 2 Desktop: mine or validate on Bittensor Subnet 2 (zero-knowledge proof of inference).',
    )
    .version(APP_VERSION)
    .addHelpText(
      'after',
      '\nExit status: 0 done, 1 failed or refused its input, 2 bad command line, 130 interrupted.\n' +
        'With --json, stdout holds one JSON document (an error too: {"error": "..."}); ' +
        'mine and validate print one JSON event per line.',
    )
    // main() prints commander's errors itself, as one line like every other error.
    .configureOutput({ outputError: () => undefined })
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}

/** The subcommand path the user typed (`sn2 wallet create`), for pointing at the right --help. */
function commandPath(program: Command, args: string[]): string {
  const path = [program.name()];
  let cmd = program;
  for (const arg of args) {
    if (arg.startsWith('-')) continue;
    const sub = cmd.commands.find((c) => c.name() === arg || c.aliases().includes(arg));
    if (!sub) break;
    path.push(sub.name());
    cmd = sub;
  }
  return path.join(' ');
}

/** Commander's message as one line: "unknown option '--x' (Did you mean --y?)" without its "error: ". */
function usageMessage(err: CommanderError, where: string): string {
  const text =
    err.code === 'commander.help'
      ? `"${where}" needs a command`
      : err.message
          .replace(/^error: /, '')
          .replace(/\s*\n\s*/g, ' ')
          .trim();
  return `${text} (see "${where} --help")`;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  const args = argv.slice(2);
  const json = args.includes('--json');
  // A bug outside a command's promise chain still ends as one line, not a stack trace.
  process.on('uncaughtException', (err) => fail(err, json));
  process.on('unhandledRejection', (err) => fail(err, json));
  // Ctrl-C in a one-shot command; long-running ones (mine, validate, devnet, ui) stop gracefully with
  // their own handlers, and then this one stands aside.
  process.on('SIGINT', () => {
    if (process.listenerCount('SIGINT') > 1) return;
    fail(Object.assign(new Error('interrupted'), { exitCode: EXIT.interrupted }), json);
  });
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return; // --help / --version
      fail(new UsageError(usageMessage(err, commandPath(program, args))), json);
    }
    fail(err, json);
  }
}
