import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectKeyfileFormat } from '../../bittensor/wallet/keyfile-format.js';
import { walletPaths, type WalletRef } from '../../bittensor/wallet/wallet-paths.js';
import { writeFileAtomic } from '../../util/atomic-file.js';

export class EngineWalletError extends Error {
  override readonly name = 'EngineWalletError';
}

export interface EngineWallet {
  /** `--wallet-path` for the engine: a folder holding only this hotkey and the public coldkey. */
  path: string;
  name: string;
  hotkey: string;
  /** The user's hotkey file it was copied from, for messages. */
  source: string;
}

/**
 * Give the engine a dedicated wallet folder (spec sn2-2026.md §2.10 SHOULD) with only
 * `<name>/hotkeys/<hotkey>` (0600) and the public `coldkeypub.txt`, so the process can never reach the
 * coldkey. The engine reads the hotkey without a password, so the file must be btcli's unencrypted JSON.
 */
export function prepareEngineWallet(ref: WalletRef, engineWalletsRoot: string): EngineWallet {
  const src = walletPaths(ref);
  if (!existsSync(src.hotkey))
    throw new EngineWalletError(
      `hotkey file ${src.hotkey} does not exist: create or import the hotkey first`,
    );
  const bytes = readFileSync(src.hotkey);
  const format = detectKeyfileFormat(bytes);
  if (format !== 'json')
    throw new EngineWalletError(
      `hotkey file ${src.hotkey} is ${format === 'unknown' ? 'not a btcli keyfile' : `encrypted (${format})`}: sn2-miner reads only unencrypted hotkeys; re-import it without a password`,
    );
  const dst = walletPaths({ path: engineWalletsRoot, name: src.name, hotkey: src.hotkeyName });
  mkdirSync(dst.hotkeysDir, { recursive: true, mode: 0o700 });
  writeFileAtomic(dst.hotkey, bytes, 0o600);
  // Older binaries also read the public coldkey (§2.10); never the coldkey itself.
  if (existsSync(src.coldkeypub)) writeFileAtomic(dst.coldkeypub, readFileSync(src.coldkeypub), 0o600);
  return { path: dst.root, name: src.name, hotkey: src.hotkeyName, source: src.hotkey };
}

export const engineWalletsRoot = (dataRoot: string): string => join(dataRoot, 'engines', 'wallets');
export const engineCircuitCache = (dataRoot: string): string => join(dataRoot, 'engines', 'circuit_cache');
