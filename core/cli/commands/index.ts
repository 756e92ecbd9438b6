import type { Command } from 'commander';
import { registerDevnet } from './devnet.js';
import { registerHardware } from './hardware.js';
import { registerUi } from './ui.js';
import { registerWallet } from './wallet.js';

/** Every `sn2` subcommand, one registration function per area (core/cli/commands/<area>.ts). */
export const commands: Array<(program: Command) => void> = [
  registerDevnet,
  registerHardware,
  registerUi,
  registerWallet,
];
