/**
 * btwallet's `$NACL` key derivation (wallet.md §6.1): libsodium crypto_pwhash, Argon2i v0x13,
 * OPSLIMIT_SENSITIVE / MEMLIMIT_SENSITIVE and one fixed salt for every wallet.
 */
export const NACL_KDF = {
  salt: Uint8Array.from(Buffer.from('137183dff15a09bc9c90b5518739e9b1', 'hex')),
  iterations: 8,
  memoryBytes: 536_870_912,
  memoryKiB: 524_288,
  parallelism: 1,
  keyLength: 32,
} as const;
