import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.js';
import { fail } from './context.js';
import { APP_VERSION } from '../service/version.js';

export function buildProgram(): Command {
  const program = new Command('sn2')
    .description(
      'Subnet 2 Desktop: mine or validate on Bittensor Subnet 2 (zero-knowledge proof of inference).',
    )
    .version(APP_VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  const json = argv.includes('--json');
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return; // --help / --version
      process.exit(err.exitCode || 2);
    }
    fail(err, json);
  }
}
