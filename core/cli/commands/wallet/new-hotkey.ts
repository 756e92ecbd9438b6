import type { Command } from 'commander';
import { cliOutput } from '../../context.js';
import { createHotkey, walletPaths } from '../../../bittensor/wallet/index.js';
import { refOf, walletOptions, type WalletFlags } from './wallet-flags.js';
import { parseWords } from './secret-input.js';

export function registerNewHotkey(wallet: Command): void {
  walletOptions(
    wallet
      .command('new-hotkey')
      .description('Create a hotkey in a wallet (no coldkey needed), like `btcli wallet new-hotkey`'),
  )
    .option('--n-words <n>', 'mnemonic length: 12, 15, 18, 21 or 24', '12')
    .option('--overwrite', 'replace an existing hotkey')
    .action(async (o: WalletFlags & { nWords: string; overwrite?: boolean }) => {
      const out = cliOutput(Boolean(o.json));
      const paths = walletPaths(refOf(o));
      const { keypair, mnemonic } = await createHotkey({
        ...refOf(o),
        words: parseWords(o.nWords),
        overwrite: o.overwrite,
      });
      out.result(
        {
          wallet: paths.name,
          hotkey: paths.hotkeyName,
          hotkeyAddress: keypair.address,
          hotkeyMnemonic: mnemonic,
        },
        () =>
          [
            `hotkey ${paths.hotkeyName} ${keypair.address}`,
            'Mnemonic (shown only this once; keep it offline):',
            mnemonic,
          ].join('\n'),
      );
      keypair.wipe();
    });
}
