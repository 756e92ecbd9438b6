export { Keypair, DEV_PHRASE } from './keypair.js';
export { cryptoReady, assertCryptoReady } from './crypto-ready.js';
export { generateMnemonic, isValidMnemonic, normalizeMnemonic, type MnemonicWords } from './mnemonic.js';
export { canonicalToEd25519Form, ed25519FormToCanonical } from './secret-key-form.js';
export { SS58_PREFIX, toSs58, publicKeyFromSs58 } from './ss58.js';
export { verifySignature } from './verify.js';
export { InvalidKeyError, InvalidMnemonicError } from './errors.js';
