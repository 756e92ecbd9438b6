import type { Command } from 'commander';
import { cliOutput } from '../../context.js';
import { UserError } from '../../../util/errors.js';
import { regenColdkey, regenColdkeypub, regenHotkey, walletPaths } from '../../../bittensor/wallet/index.js';
import {
  passwordEnvHelp,
  passwordStdinHelp,
  refOf,
  walletOptions,
  type WalletFlags,
} from './wallet-flags.js';
import { obtainPassword, type PasswordFlags } from '../../password-input.js';
import { obtainSecret } from './secret-input.js';
import { progressPrinter } from './kdf-progress.js';

export function registerRegen(wallet: Command): void {
  walletOptions(
    wallet
      .command('regen')
      .argument('<key>', 'coldkey, hotkey or coldkeypub')
      .description(
        'Rebuild key files from a mnemonic or seed (coldkeypub: from an ss58 address), like `btcli wallet regen-*`',
      ),
  )
    .option('--mnemonic <words...>', 'the mnemonic (prompted without echo when omitted)')
    .option('--seed <hex>', '0x + 64 hex digits (btcli secretSeed) instead of a mnemonic')
    .option('--ss58 <address>', 'for coldkeypub: the coldkey address')
    .option('--password-env <VAR>', passwordEnvHelp)
    .option('--password-stdin', passwordStdinHelp)
    .option('--use-password', 'hotkey: encrypt it with a password too (btcli default: plain)')
    .option('--overwrite', 'replace existing key files')
    .action(
      async (
        key: string,
        o: WalletFlags &
          PasswordFlags & {
            mnemonic?: string[];
            seed?: string;
            ss58?: string;
            usePassword?: boolean;
            overwrite?: boolean;
          },
      ) => {
        const out = cliOutput(Boolean(o.json));
        const ref = { ...refOf(o), overwrite: o.overwrite, onProgress: progressPrinter(out) };
        const paths = walletPaths(ref);
        if (key === 'coldkeypub') {
          if (!o.ss58) throw new UserError('regen coldkeypub needs --ss58 <address>');
          const address = regenColdkeypub({ ...ref, ss58: o.ss58 });
          out.result({ wallet: paths.name, coldkeyAddress: address }, () => `wrote ${paths.coldkeypub}`);
          return;
        }
        if (key !== 'coldkey' && key !== 'hotkey')
          throw new UserError(`unknown key "${key}": use coldkey, hotkey or coldkeypub`);
        const secret = await obtainSecret(o);
        if (key === 'coldkey') {
          const password = await obtainPassword(o, 'New coldkey password', true);
          const kp = await regenColdkey({ ...ref, secret, password });
          out.result(
            { wallet: paths.name, coldkeyAddress: kp.address },
            () => `coldkey ${kp.address} written to ${paths.coldkey}`,
          );
          kp.wipe();
        } else {
          const password = o.usePassword ? await obtainPassword(o, 'New hotkey password', true) : undefined;
          const kp = await regenHotkey({ ...ref, secret, password });
          out.result(
            { wallet: paths.name, hotkey: paths.hotkeyName, hotkeyAddress: kp.address },
            () => `hotkey ${paths.hotkeyName} ${kp.address} written to ${paths.hotkey}`,
          );
          kp.wipe();
        }
      },
    );
}
