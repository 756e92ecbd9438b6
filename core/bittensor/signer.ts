/** Anything that can produce an sr25519 signature for an ss58 address (a hotkey keypair, an unlocked coldkey, a browser extension). */
export interface Sr25519Signer {
  /** ss58 address, prefix 42. */
  readonly address: string;
  readonly publicKey: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
}
