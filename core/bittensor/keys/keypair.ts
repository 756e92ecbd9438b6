import { sr25519Sign, sr25519Verify } from '@polkadot/wasm-crypto';
import {
  keyExtractSuri,
  keyFromPath,
  mnemonicToMiniSecret,
  sr25519PairFromSeed,
} from '@polkadot/util-crypto';
import { getPublicKey } from '@scure/sr25519';
import type { Sr25519Signer } from '../signer.js';
import { cryptoReady, assertCryptoReady } from './crypto-ready.js';
import { InvalidKeyError, InvalidMnemonicError } from './errors.js';
import { isValidMnemonic, normalizeMnemonic } from './mnemonic.js';
import { canonicalToEd25519Form, ed25519FormToCanonical } from './secret-key-form.js';
import { toSs58 } from './ss58.js';

/** The well-known Substrate development phrase: `//Alice` is this phrase + `//Alice`. */
export const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';

/** Where a keypair came from, as far as a keyfile needs to record it. */
interface KeySource {
  mnemonic?: string;
  miniSecret?: Uint8Array;
}

/**
 * An sr25519 keypair with btcli semantics: mnemonics map to keys with no derivation path, addresses use
 * ss58 prefix 42, `canonicalPrivateKey()` is what btcli writes as `privateKey`. The secret stays inside
 * this object (never serialised by JSON.stringify / util.inspect) until `wipe()`.
 */
export class Keypair implements Sr25519Signer {
  readonly publicKey: Uint8Array;
  readonly address: string;
  /** 64-byte secret in the "ed25519 form" the wasm signer expects. */
  #secret: Uint8Array;
  #source: KeySource;
  #wiped = false;

  private constructor(publicKey: Uint8Array, secret: Uint8Array, source: KeySource) {
    this.publicKey = publicKey;
    this.address = toSs58(publicKey);
    this.#secret = secret;
    this.#source = source;
  }

  /** A BIP39 mnemonic (12–24 words) as btcli uses it: substrate-bip39 mini secret, no derivation path. */
  static async fromMnemonic(mnemonic: string): Promise<Keypair> {
    await cryptoReady();
    const phrase = normalizeMnemonic(mnemonic);
    if (!isValidMnemonic(phrase)) throw new InvalidMnemonicError(`${phrase.split(' ').length} words given`);
    const miniSecret = mnemonicToMiniSecret(phrase);
    return Keypair.fromMiniSecretSync(miniSecret, { mnemonic: phrase, miniSecret });
  }

  /** A 32-byte mini secret (btcli's `secretSeed`). */
  static async fromSeed(seed: Uint8Array): Promise<Keypair> {
    await cryptoReady();
    if (seed.length !== 32) throw new InvalidKeyError(`seed must be 32 bytes, got ${seed.length}`);
    const copy = new Uint8Array(seed);
    return Keypair.fromMiniSecretSync(copy, { miniSecret: copy });
  }

  /** A 64-byte schnorrkel canonical secret key (btcli's `privateKey`). */
  static async fromCanonicalPrivateKey(privateKey: Uint8Array): Promise<Keypair> {
    await cryptoReady();
    let secret: Uint8Array;
    try {
      secret = canonicalToEd25519Form(privateKey);
    } catch (err) {
      throw new InvalidKeyError(`invalid sr25519 private key: ${(err as Error).message}`, { cause: err });
    }
    return new Keypair(publicKeyOf(secret), secret, {});
  }

  /** A 64-byte secret in the ed25519 form (polkadot-js `secretKey`, @scure/sr25519). */
  static async fromEd25519FormSecretKey(secretKey: Uint8Array): Promise<Keypair> {
    await cryptoReady();
    if (secretKey.length !== 64 || (secretKey[0] & 7) !== 0) {
      throw new InvalidKeyError('invalid sr25519 secret key in ed25519 form');
    }
    const secret = new Uint8Array(secretKey);
    return new Keypair(publicKeyOf(secret), secret, {});
  }

  /**
   * A Substrate secret URI: `//Alice`, `/Bob//test`, `<mnemonic>//hard/soft`, `<0x seed>//path`. A path with
   * no phrase uses the development phrase. For dev and test keys; btcli wallets never carry a path.
   */
  static async fromUri(uri: string): Promise<Keypair> {
    await cryptoReady();
    const full = uri.startsWith('/') ? `${DEV_PHRASE}${uri}` : uri;
    let extracted: ReturnType<typeof keyExtractSuri>;
    try {
      extracted = keyExtractSuri(full);
    } catch (err) {
      throw new InvalidKeyError(`invalid secret URI: ${(err as Error).message}`, { cause: err });
    }
    const { phrase, password, path } = extracted;
    let miniSecret: Uint8Array;
    let mnemonic: string | undefined;
    if (/^0x[0-9a-fA-F]{64}$/.test(phrase)) {
      miniSecret = Buffer.from(phrase.slice(2), 'hex');
    } else {
      mnemonic = normalizeMnemonic(phrase);
      if (!isValidMnemonic(mnemonic)) throw new InvalidMnemonicError('in secret URI');
      miniSecret = mnemonicToMiniSecret(mnemonic, password);
    }
    if (path.length === 0 && !password) {
      return Keypair.fromMiniSecretSync(miniSecret, { mnemonic, miniSecret });
    }
    const derived = keyFromPath(sr25519PairFromSeed(miniSecret), path, 'sr25519');
    miniSecret.fill(0);
    return new Keypair(derived.publicKey, derived.secretKey, {});
  }

  private static fromMiniSecretSync(miniSecret: Uint8Array, source: KeySource): Keypair {
    const pair = sr25519PairFromSeed(miniSecret);
    return new Keypair(pair.publicKey, pair.secretKey, source);
  }

  sign(message: Uint8Array): Uint8Array {
    this.assertUsable();
    assertCryptoReady();
    return sr25519Sign(this.publicKey, this.#secret, message);
  }

  verify(message: Uint8Array, signature: Uint8Array): boolean {
    assertCryptoReady();
    return signature.length === 64 && sr25519Verify(signature, message, this.publicKey);
  }

  /** The canonical schnorrkel secret btcli writes as `privateKey` (a copy: wipe it when done). */
  canonicalPrivateKey(): Uint8Array {
    this.assertUsable();
    return ed25519FormToCanonical(this.#secret);
  }

  /** The mnemonic, when the key was made from one (btcli's `secretPhrase`). */
  get mnemonic(): string | undefined {
    this.assertUsable();
    return this.#source.mnemonic;
  }

  /** The 32-byte mini secret, when known (btcli's `secretSeed`). */
  get miniSecret(): Uint8Array | undefined {
    this.assertUsable();
    return this.#source.miniSecret;
  }

  get wiped(): boolean {
    return this.#wiped;
  }

  /**
   * Overwrite the secret bytes and forget the mnemonic. JS strings cannot be zeroed, so a mnemonic's text
   * lingers until garbage collection; the byte secrets do not.
   */
  wipe(): void {
    this.#secret.fill(0);
    this.#source.miniSecret?.fill(0);
    this.#source = {};
    this.#wiped = true;
  }

  toJSON(): { address: string } {
    return { address: this.address };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Keypair(${this.address})`;
  }

  private assertUsable(): void {
    if (this.#wiped) throw new Error(`keypair ${this.address} was wiped after use`);
  }
}

function publicKeyOf(ed25519FormSecret: Uint8Array): Uint8Array {
  try {
    return getPublicKey(ed25519FormSecret);
  } catch (err) {
    throw new InvalidKeyError('invalid sr25519 secret key', { cause: err });
  }
}
