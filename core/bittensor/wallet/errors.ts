import { UserError } from '../../util/errors.js';

/** Any wallet problem the user can act on; the message names the file and says what to do. */
export class WalletError extends UserError {}

export class KeyfileNotFoundError extends WalletError {
  constructor(
    readonly path: string,
    what: string,
  ) {
    super(`${what} not found: ${path}`);
  }
}

export class KeyfileExistsError extends WalletError {
  constructor(readonly path: string) {
    super(`${path} already exists; refusing to overwrite it without explicit confirmation (--overwrite)`);
  }
}

/** The file is not a keyfile at all, or is malformed/inconsistent. */
export class InvalidKeyfileError extends WalletError {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}`);
  }
}

/** An encryption this app deliberately does not open (Ansible Vault, Fernet): see wallet.md §6.2. */
export class LegacyKeyfileError extends WalletError {
  constructor(
    readonly path: string,
    readonly format: 'ansible-vault' | 'fernet',
  ) {
    const what =
      format === 'ansible-vault'
        ? 'uses the old Ansible Vault encryption of bittensor < 6'
        : 'uses the old Fernet encryption of the first bittensor versions, which current btcli cannot open either';
    super(`${path} ${what}; regenerate the key with btcli (from its mnemonic) to use it here`);
  }
}

/** A `$NACL` file needs a password and none was given. */
export class PasswordRequiredError extends WalletError {
  constructor(readonly path: string) {
    super(`${path} is encrypted: a password is needed to open it`);
  }
}

export class WrongPasswordError extends WalletError {
  constructor(readonly path: string) {
    super(`wrong password for ${path} (the file could not be decrypted)`);
  }
}
