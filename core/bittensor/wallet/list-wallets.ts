import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readKeyfile } from './read-keyfile.js';
import { walletsRoot } from './wallet-paths.js';

export interface WalletSummary {
  name: string;
  /** From coldkeypub.txt; null when it is missing or unreadable. */
  coldkeyAddress: string | null;
  /** Address from `<hk>pub.txt` or the plain secret file; null when neither can be read without a password. */
  hotkeys: Array<{ name: string; address: string | null }>;
}

/** Every wallet under the wallets root, sorted by name, with public addresses only (nothing is decrypted). */
export async function listWallets(ref: { path?: string } = {}): Promise<WalletSummary[]> {
  const root = walletsRoot(ref.path);
  const wallets: WalletSummary[] = [];
  for (const name of (await dirNames(root)).sort()) {
    const dir = join(root, name);
    const hotkeyNames = (await fileNames(join(dir, 'hotkeys')))
      .filter((f) => !f.endsWith('pub.txt') && !f.startsWith('.'))
      .sort();
    const hasColdkey = (await fileNames(dir)).some((f) => f === 'coldkey' || f === 'coldkeypub.txt');
    if (!hasColdkey && hotkeyNames.length === 0) continue;
    wallets.push({
      name,
      coldkeyAddress: await addressOf(join(dir, 'coldkeypub.txt')),
      hotkeys: await Promise.all(
        hotkeyNames.map(async (hk) => ({
          name: hk,
          address:
            (await addressOf(join(dir, 'hotkeys', `${hk}pub.txt`))) ??
            (await addressOf(join(dir, 'hotkeys', hk))),
        })),
      ),
    });
  }
  return wallets;
}

async function addressOf(path: string): Promise<string | null> {
  try {
    const key = await readKeyfile(path, 'keyfile', { onWarning: () => {} });
    if (key.kind === 'public') return key.address;
    key.keypair.wipe();
    return key.keypair.address;
  } catch {
    // Missing, encrypted, legacy or malformed: listing shows no address rather than failing.
    return null;
  }
}

async function dirNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch {
    return [];
  }
}

async function fileNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name);
  } catch {
    return [];
  }
}
