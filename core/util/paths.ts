import { homedir, platform } from 'node:os';
import { join } from 'node:path';

/**
 * The app's data folder: $SN2_HOME when set, else the OS convention
 * (~/Library/Application Support, %APPDATA%, $XDG_DATA_HOME or ~/.local/share) + "subnet2-desktop".
 */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SN2_HOME) return env.SN2_HOME;
  const home = homedir();
  switch (platform()) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'subnet2-desktop');
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'subnet2-desktop');
    default:
      return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'subnet2-desktop');
  }
}

/** btcli's wallet folder: ~/.bittensor/wallets unless overridden (--wallet.path or BT_WALLET_PATH). */
export function defaultWalletPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.BT_WALLET_PATH ?? join(homedir(), '.bittensor', 'wallets');
}

export const dataPaths = (root = dataDir()) => ({
  root,
  settings: join(root, 'settings.json'),
  logs: join(root, 'logs'),
  proofLog: join(root, 'logs', 'proofs.jsonl'),
  circuits: join(root, 'circuits'),
  bin: join(root, 'bin'),
  srs: join(root, 'srs'),
  validator: join(root, 'validator'),
  cert: join(root, 'cert'),
});
