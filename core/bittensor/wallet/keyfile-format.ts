/** How a keyfile's bytes are wrapped, from its first bytes (wallet.md §6). */
export type KeyfileFormat = 'json' | 'nacl' | 'ansible-vault' | 'fernet' | 'unknown';

export const NACL_PREFIX = Buffer.from('$NACL', 'ascii');

export function detectKeyfileFormat(data: Uint8Array): KeyfileFormat {
  const head = Buffer.from(data.subarray(0, 16)).toString('latin1');
  if (head.startsWith('$NACL')) return 'nacl';
  if (head.startsWith('$ANSIBLE_VAULT')) return 'ansible-vault';
  if (head.startsWith('gAAAAA')) return 'fernet';
  if (head.trimStart().startsWith('{')) return 'json';
  return 'unknown';
}
