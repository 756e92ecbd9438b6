import type { Command } from 'commander';
import { registerCreate } from './create.js';
import { registerInspect } from './inspect.js';
import { registerList } from './list.js';
import { registerNewHotkey } from './new-hotkey.js';
import { registerRegen } from './regen.js';

export function registerWallet(program: Command): void {
  const wallet = program
    .command('wallet')
    .description('btcli-compatible wallets: create, regenerate, list and inspect keys');
  registerList(wallet);
  registerCreate(wallet);
  registerNewHotkey(wallet);
  registerRegen(wallet);
  registerInspect(wallet);
}
