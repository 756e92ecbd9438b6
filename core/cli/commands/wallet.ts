import type { Command } from 'commander';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { EXIT, cliOutput, type CliOutput } from '../context.js';
import { UserError } from '../../util/errors.js';
import type { MnemonicWords } from '../../bittensor/keys/mnemonic.js';
import {
  createHotkey,
  createWallet,
  detectKeyfileFormat,
  listWallets,
  readColdkeyPub,
  readHotkeyPub,
  regenColdkey,
  regenColdkeypub,
  regenHotkey,
  unlockColdkey,
  walletPaths,
  type KdfProgress,
  type KeySecret,
  type WalletRef,
} from '../../bittensor/wallet/index.js';

/** btcli's flag names, so commands copied from btcli docs work unchanged. */
interface WalletFlags {
  'wallet.name'?: string;
  'wallet.hotkey'?: string;
  'wallet.path'?: string;
  json?: boolean;
}

const refOf = (o: WalletFlags): WalletRef => ({
  name: o['wallet.name'],
  hotkey: o['wallet.hotkey'],
  path: o['wallet.path'],
});

function walletOptions(cmd: Command): Command {
  return cmd
    .option('--wallet.name <name>', 'wallet name (default: $BT_WALLET_NAME or "default")')
    .option('--wallet.path <dir>', 'wallets folder (default: $BT_WALLET_PATH or ~/.bittensor/wallets)')
    .option('--wallet.hotkey <name>', 'hotkey name (default: $BT_WALLET_HOTKEY or "default")')
    .option('--json', 'machine-readable output');
}

const passwordEnvHelp = 'read the password from this environment variable instead of prompting';
const passwordStdinHelp = 'read the password from the first line of stdin instead of prompting';

/** Where a password comes from when it is not typed at a prompt. */
interface PasswordFlags {
  passwordEnv?: string;
  passwordStdin?: boolean;
}

export function registerWallet(program: Command): void {
  const wallet = program
    .command('wallet')
    .description('btcli-compatible wallets: create, regenerate, list and inspect keys');

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

function parseWords(n: string): MnemonicWords {
  const words = Number(n);
  if (![12, 15, 18, 21, 24].includes(words))
    throw new UserError(`--n-words must be 12, 15, 18, 21 or 24, got "${n}"`);
  return words as MnemonicWords;
}

async function obtainSecret(o: { mnemonic?: string[]; seed?: string }): Promise<KeySecret> {
  if (o.mnemonic && o.seed) throw new UserError('give either --mnemonic or --seed, not both');
  if (o.mnemonic) return { mnemonic: o.mnemonic.join(' ') };
  if (o.seed) return { seed: o.seed };
  return { mnemonic: await promptHidden('Mnemonic: ') };
}

/**
 * From `--password-env VAR` or `--password-stdin`, else an interactive prompt without echo (twice when
 * creating).
 */
async function obtainPassword(from: PasswordFlags, label: string, confirm: boolean): Promise<string> {
  if (from.passwordEnv !== undefined && from.passwordStdin)
    throw new UserError('give either --password-env or --password-stdin, not both');
  if (from.passwordEnv !== undefined) {
    const value = process.env[from.passwordEnv];
    if (!value) throw new UserError(`environment variable ${from.passwordEnv} is not set or empty`);
    return value;
  }
  if (from.passwordStdin) {
    const value = await readStdinLine();
    if (!value) throw new UserError('--password-stdin: stdin held no password (an empty first line)');
    return value;
  }
  const password = await promptHidden(`${label}: `);
  if (!password) throw new UserError('the password must not be empty');
  if (confirm && (await promptHidden('Repeat it: ')) !== password)
    throw new UserError('the passwords do not match');
  return password;
}

/** The first line of stdin, read to its end (for `echo "$PW" | sn2 …`). */
async function readStdinLine(): Promise<string> {
  if (process.stdin.isTTY)
    throw new UserError(
      '--password-stdin needs the password piped in, not a terminal (or drop the flag to be prompted)',
    );
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

/** Read one line from the terminal without echoing it; Ctrl-C aborts with exit status 130. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    throw new UserError(
      `no terminal to prompt on ("${question.trim()}"): pass it with a flag instead (see --help)`,
    );
  }
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const done = (err?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003')
          return done(Object.assign(new UserError('interrupted'), { exitCode: EXIT.interrupted }));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** Human progress of the key derivation on stderr (nothing with --json). */
function progressPrinter(out: CliOutput): (p: KdfProgress) => void {
  let lastTenth = -1;
  return (p) => {
    const tenth = Math.floor(p.fraction * 10);
    if (p.fraction === 1) out.info(`  key derived in ${(p.elapsedMs / 1000).toFixed(1)} s (${p.backend})`);
    else if (tenth !== lastTenth && process.stderr.isTTY) out.info(`  ~${tenth * 10}%`);
    lastTenth = tenth;
  };
}
