import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { cliOutput } from '../../context.js';
import { UserError } from '../../../util/errors.js';
import {
  detectKeyfileFormat,
  listWallets,
  readColdkeyPub,
  readHotkeyPub,
  unlockColdkey,
  walletPaths,
} from '../../../bittensor/wallet/index.js';
import {
  passwordEnvHelp,
  passwordStdinHelp,
  refOf,
  walletOptions,
  type WalletFlags,
} from './wallet-flags.js';
import { obtainPassword, type PasswordFlags } from '../../password-input.js';
import { progressPrinter } from './kdf-progress.js';

export function registerInspect(wallet: Command): void {
  walletOptions(
    wallet
      .command('inspect')
      .description("Show a wallet's addresses; with a password, check that the coldkey unlocks"),
  )
    .option('--unlock', 'prompt for the coldkey password and check it against coldkeypub.txt')
    .option('--password-env <VAR>', `${passwordEnvHelp} (implies --unlock)`)
    .option('--password-stdin', `${passwordStdinHelp} (implies --unlock)`)
    .action(async (o: WalletFlags & PasswordFlags & { unlock?: boolean }) => {
      const out = cliOutput(Boolean(o.json));
      const ref = refOf(o);
      const paths = walletPaths(ref);
      const coldkeypub = await readColdkeyPub(ref).then(
        (k) => k.address,
        () => null,
      );
      const coldkeyFormat = await readFile(paths.coldkey).then(
        (b) => detectKeyfileFormat(b),
        () => 'missing' as const,
      );
      const hotkey = await readHotkeyPub(ref).then(
        (k) => k.address,
        () => null,
      );
      const wallets = await listWallets({ path: ref.path });
      const hotkeys = wallets.find((w) => w.name === paths.name)?.hotkeys ?? [];
      if (coldkeypub === null && coldkeyFormat === 'missing' && hotkeys.length === 0) {
        throw new UserError(`no wallet "${paths.name}" in ${paths.root}`);
      }
      let coldkeyUnlocked: boolean | undefined;
      if (o.unlock || o.passwordEnv !== undefined || o.passwordStdin) {
        const password = await obtainPassword(o, 'Coldkey password', false);
        out.info('Unlocking the coldkey (Argon2i, 512 MiB)…');
        const cold = await unlockColdkey({ ...ref, password, onProgress: progressPrinter(out) });
        cold.wipe();
        coldkeyUnlocked = true;
      }
      const report = {
        wallet: paths.name,
        path: paths.dir,
        coldkeyAddress: coldkeypub,
        coldkeyFile: coldkeyFormat,
        hotkey: { name: paths.hotkeyName, address: hotkey },
        hotkeys,
        ...(coldkeyUnlocked !== undefined ? { coldkeyUnlocked } : {}),
      };
      out.result(report, () =>
        [
          `wallet   ${paths.name} (${paths.dir})`,
          `coldkey  ${coldkeypub ?? '(no coldkeypub.txt)'}  [file: ${coldkeyFormat}]`,
          ...hotkeys.map(
            (h) =>
              `hotkey   ${h.name}  ${h.address ?? '(encrypted or unreadable)'}${h.name === paths.hotkeyName ? '  *' : ''}`,
          ),
          ...(coldkeyUnlocked ? ['coldkey unlocked with this password and matches coldkeypub.txt'] : []),
        ].join('\n'),
      );
    });
}
