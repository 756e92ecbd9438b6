import type { Command } from 'commander';
import type { WalletRef } from '../../../bittensor/wallet/index.js';

/** btcli's flag names, so commands copied from btcli docs work unchanged. */
export interface WalletFlags {
  'wallet.name'?: string;
  'wallet.hotkey'?: string;
  'wallet.path'?: string;
  json?: boolean;
}

export const refOf = (o: WalletFlags): WalletRef => ({
  name: o['wallet.name'],
  hotkey: o['wallet.hotkey'],
  path: o['wallet.path'],
});

export function walletOptions(cmd: Command): Command {
  return cmd
    .option('--wallet.name <name>', 'wallet name (default: $BT_WALLET_NAME or "default")')
    .option('--wallet.path <dir>', 'wallets folder (default: $BT_WALLET_PATH or ~/.bittensor/wallets)')
    .option('--wallet.hotkey <name>', 'hotkey name (default: $BT_WALLET_HOTKEY or "default")')
    .option('--json', 'machine-readable output');
}

export const passwordEnvHelp = 'read the password from this environment variable instead of prompting';
export const passwordStdinHelp = 'read the password from the first line of stdin instead of prompting';
