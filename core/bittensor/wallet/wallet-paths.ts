import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultWalletPath } from '../../util/paths.js';
import { WalletError } from './errors.js';

/** Which wallet: btcli's `--wallet.path`, `--wallet.name`, `--wallet.hotkey` (defaults: ~/.bittensor/wallets, default, default). */
export interface WalletRef {
  /** Wallets root; `~` is expanded. Default: $BT_WALLET_PATH or ~/.bittensor/wallets. */
  path?: string;
  name?: string;
  hotkey?: string;
}

export interface WalletPaths {
  root: string;
  name: string;
  hotkeyName: string;
  dir: string;
  coldkey: string;
  coldkeypub: string;
  hotkeysDir: string;
  hotkey: string;
  hotkeypub: string;
}

export const DEFAULT_WALLET_NAME = 'default';
export const DEFAULT_HOTKEY_NAME = 'default';

export function walletsRoot(path?: string): string {
  const p = path ?? defaultWalletPath();
  return resolve(p === '~' ? homedir() : p.startsWith('~/') ? join(homedir(), p.slice(2)) : p);
}

/** The files of one wallet, exactly where btcli keeps them. */
export function walletPaths(ref: WalletRef = {}): WalletPaths {
  const root = walletsRoot(ref.path);
  const name = checkName(ref.name ?? process.env.BT_WALLET_NAME ?? DEFAULT_WALLET_NAME, 'wallet');
  const hotkeyName = checkName(ref.hotkey ?? process.env.BT_WALLET_HOTKEY ?? DEFAULT_HOTKEY_NAME, 'hotkey');
  const dir = join(root, name);
  const hotkeysDir = join(dir, 'hotkeys');
  return {
    root,
    name,
    hotkeyName,
    dir,
    coldkey: join(dir, 'coldkey'),
    coldkeypub: join(dir, 'coldkeypub.txt'),
    hotkeysDir,
    hotkey: join(hotkeysDir, hotkeyName),
    hotkeypub: join(hotkeysDir, `${hotkeyName}pub.txt`),
  };
}

function checkName(name: string, what: string): string {
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(name) || name === '.' || name === '..') {
    throw new WalletError(`invalid ${what} name "${name}": use 1–64 letters, digits, "_", "." or "-"`);
  }
  return name;
}
