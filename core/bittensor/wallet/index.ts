export { loadHotkey } from './load-hotkey.js';
export { unlockColdkey } from './unlock-coldkey.js';
export { readColdkeyPub, readHotkeyPub, type PublicKeyInfo } from './read-public-keys.js';
export { createWallet, createColdkey, createHotkey, type CreatedKey } from './create-wallet.js';
export {
  regenColdkey,
  regenHotkey,
  regenColdkeypub,
  keypairFromSecret,
  type KeySecret,
} from './regen-keys.js';
export { listWallets, type WalletSummary } from './list-wallets.js';
export { readKeyfile, type ReadKeyfileOptions } from './read-keyfile.js';
export { writeSecretKeyfile, writePublicKeyfile, type WriteOptions } from './write-keyfile.js';
export {
  parseKeyfileJson,
  resolveKeyfile,
  serializeKeyfile,
  serializePublicKeyfile,
  type KeyfileFields,
  type ResolvedKey,
} from './keyfile-json.js';
export { detectKeyfileFormat, type KeyfileFormat } from './keyfile-format.js';
export { encryptNacl, decryptNacl, sealNacl, openNacl, NaclAuthenticationError } from './nacl-box.js';
export {
  deriveNaclKey,
  KdfUnavailableError,
  type KdfProgress,
  type DeriveOptions,
} from './kdf/derive-nacl-key.js';
export { ARGON2_BACKENDS, type Argon2BackendId } from './kdf/argon2-backends.js';
export { NACL_KDF } from './kdf/nacl-kdf-params.js';
export {
  walletPaths,
  walletsRoot,
  DEFAULT_WALLET_NAME,
  DEFAULT_HOTKEY_NAME,
  type WalletRef,
  type WalletPaths,
} from './wallet-paths.js';
export * from './errors.js';
