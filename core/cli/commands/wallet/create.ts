import type { Command } from 'commander';
import { cliOutput } from '../../context.js';
import { createWallet, walletPaths } from '../../../bittensor/wallet/index.js';
import {
  passwordEnvHelp,
  passwordStdinHelp,
  refOf,
  walletOptions,
  type WalletFlags,
} from './wallet-flags.js';
import { obtainPassword, type PasswordFlags } from '../../password-input.js';
import { parseWords } from './secret-input.js';
import { progressPrinter } from './kdf-progress.js';

export function registerCreate(wallet: Command): void {
  walletOptions(
    wallet
      .command('create')
      .description('Create a coldkey ($NACL-encrypted) and a hotkey, like `btcli wallet create`'),
  )
    .option('--n-words <n>', 'mnemonic length: 12, 15, 18, 21 or 24', '12')
    .option('--password-env <VAR>', passwordEnvHelp)
    .option('--password-stdin', passwordStdinHelp)
    .option('--overwrite', 'replace existing key files')
    .action(async (o: WalletFlags & PasswordFlags & { nWords: string; overwrite?: boolean }) => {
      const out = cliOutput(Boolean(o.json));
      const words = parseWords(o.nWords);
      const password = await obtainPassword(o, 'Coldkey password', true);
      out.info('Encrypting the coldkey (Argon2i, 512 MiB)…');
      const { coldkey, hotkey } = await createWallet({
        ...refOf(o),
        words,
        password,
        overwrite: o.overwrite,
        onProgress: progressPrinter(out),
      });
      const paths = walletPaths(refOf(o));
      out.result(
        {
          wallet: paths.name,
          path: paths.dir,
          coldkeyAddress: coldkey.keypair.address,
          hotkey: paths.hotkeyName,
          hotkeyAddress: hotkey.keypair.address,
          coldkeyMnemonic: coldkey.mnemonic,
          hotkeyMnemonic: hotkey.mnemonic,
        },
        () =>
          [
            `Created wallet "${paths.name}" in ${paths.dir}`,
            `coldkey ${coldkey.keypair.address}`,
            `hotkey  ${paths.hotkeyName} ${hotkey.keypair.address}`,
            '',
            'Write these mnemonics down and keep them offline. They are shown only this once;',
            'anyone who has them controls the keys.',
            `coldkey mnemonic: ${coldkey.mnemonic}`,
            `hotkey mnemonic:  ${hotkey.mnemonic}`,
          ].join('\n'),
      );
      coldkey.keypair.wipe();
      hotkey.keypair.wipe();
    });
}
