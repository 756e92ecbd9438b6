import { UserError } from '../../util/errors.js';

/** A mnemonic, seed, private key or URI that does not describe a valid sr25519 key. */
export class InvalidKeyError extends UserError {}

export class InvalidMnemonicError extends InvalidKeyError {
  constructor(detail?: string) {
    super(
      `invalid mnemonic: expected 12, 15, 18, 21 or 24 English BIP39 words with a valid checksum${detail ? ` (${detail})` : ''}`,
    );
  }
}
