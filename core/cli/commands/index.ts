import type { Command } from 'commander';
import { registerHardware } from './hardware.js';
import { registerUi } from './ui.js';
import { registerWallet } from './wallet.js';

/** Every `sn2` subcommand, one registration function per area (core/cli/commands/<area>.ts). */
export const commands: Array<(program: Command) => void> = [registerHardware, registerUi, registerWallet];
