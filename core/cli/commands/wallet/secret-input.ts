import type { MnemonicWords } from '../../../bittensor/keys/mnemonic.js';
import type { KeySecret } from '../../../bittensor/wallet/index.js';
import { UserError } from '../../../util/errors.js';
import { promptHidden } from '../../password-input.js';

export function parseWords(n: string): MnemonicWords {
  const words = Number(n);
  if (![12, 15, 18, 21, 24].includes(words))
    throw new UserError(`--n-words must be 12, 15, 18, 21 or 24, got "${n}"`);
  return words as MnemonicWords;
}

export async function obtainSecret(o: { mnemonic?: string[]; seed?: string }): Promise<KeySecret> {
  if (o.mnemonic && o.seed) throw new UserError('give either --mnemonic or --seed, not both');
  if (o.mnemonic) return { mnemonic: o.mnemonic.join(' ') };
  if (o.seed) return { seed: o.seed };
  return { mnemonic: await promptHidden('Mnemonic: ') };
}
