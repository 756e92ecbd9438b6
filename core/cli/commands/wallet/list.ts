import type { Command } from 'commander';
import { statSync } from 'node:fs';
import { cliOutput } from '../../context.js';
import { UserError } from '../../../util/errors.js';
import { listWallets, walletPaths } from '../../../bittensor/wallet/index.js';
import { type WalletFlags } from './wallet-flags.js';

export function registerList(wallet: Command): void {
  wallet
    .command('list')
    .description('List wallets and their hotkeys (public addresses only)')
    .option('--wallet.path <dir>', 'wallets folder (default: $BT_WALLET_PATH or ~/.bittensor/wallets)')
    .option('--json', 'machine-readable output')
    .action(async (o: WalletFlags) => {
      const out = cliOutput(Boolean(o.json));
      const root = walletPaths({ path: o['wallet.path'] }).root;
      if (statSync(root, { throwIfNoEntry: false })?.isDirectory() === false)
        throw new UserError(`wallets folder ${root} is a file, not a folder`);
      const wallets = await listWallets({ path: o['wallet.path'] });
      out.result(wallets, () =>
        wallets.length === 0
          ? `no wallets in ${root} (create one with "sn2 wallet create")`
          : wallets
              .map((w) =>
                [
                  `${w.name}  coldkey ${w.coldkeyAddress ?? '(no coldkeypub.txt)'}`,
                  ...w.hotkeys.map((h) => `  └ ${h.name}  ${h.address ?? '(encrypted or unreadable)'}`),
                ].join('\n'),
              )
              .join('\n'),
      );
    });
}
