import type { Command } from 'commander';
import { registerCircuits } from './circuits.js';
import { registerDevnet } from './devnet.js';
import { registerEconomics } from './economics.js';
import { registerEngine } from './engine.js';
import { registerEzkl } from './ezkl.js';
import { registerHardware } from './hardware.js';
import { registerMine } from './mine.js';
import { registerPractice } from './practice.js';
import { registerProbe } from './probe.js';
import { registerProtocol } from './protocol.js';
import { registerQuery } from './query.js';
import { registerRegister } from './register.js';
import { cliProtocolGuard } from '../protocol-guard.js';
import { registerProve } from './prove.js';
import { registerProvers } from './provers.js';
import { registerUi } from './ui.js';
import { registerValidate } from './validate.js';
import { registerWallet } from './wallet/index.js';

/** Every `sn2` subcommand, one registration function per area (core/cli/commands/<area>.ts). */
export const commands: Array<(program: Command) => void> = [
  registerCircuits,
  registerDevnet,
  registerEconomics,
  registerEngine,
  registerEzkl,
  registerHardware,
  registerMine,
  registerPractice,
  registerProbe,
  registerProtocol,
  registerQuery,
  (program) => registerRegister(program, { protocolGuard: cliProtocolGuard }),
  registerProve,
  registerProvers,
  registerUi,
  registerValidate,
  registerWallet,
];
