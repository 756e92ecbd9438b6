import { mnemonicGenerate, mnemonicValidate } from '@polkadot/util-crypto';

export type MnemonicWords = 12 | 15 | 18 | 21 | 24;

/** A fresh English BIP39 mnemonic from the OS CSPRNG; btcli's default is 12 words. */
export function generateMnemonic(words: MnemonicWords = 12): string {
  return mnemonicGenerate(words);
}

/** Lower-case words separated by single spaces: the form btcli stores as `secretPhrase`. */
export function normalizeMnemonic(mnemonic: string): string {
  return mnemonic.trim().toLowerCase().split(/\s+/).join(' ');
}

export function isValidMnemonic(mnemonic: string): boolean {
  return mnemonicValidate(normalizeMnemonic(mnemonic));
}
