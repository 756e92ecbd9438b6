import { z } from 'zod';
import { Keypair } from '../keys/keypair.js';
import { publicKeyFromSs58, toSs58 } from '../keys/ss58.js';
import { InvalidKeyfileError } from './errors.js';

/** The six fields of a btcli keyfile (wallet.md §3); absent and `null` values are both `undefined` here. */
export interface KeyfileFields {
  accountId?: string;
  publicKey?: string;
  privateKey?: string;
  secretPhrase?: string;
  secretSeed?: string;
  ss58Address?: string;
}

// btwallet rejects any value that is not a string; the Python SDK wrote nulls. Unknown string keys are kept out.
const KeyfileJsonSchema = z.record(z.string(), z.union([z.string(), z.null()]));
const FIELDS = ['accountId', 'publicKey', 'privateKey', 'secretPhrase', 'secretSeed', 'ss58Address'] as const;

export function parseKeyfileJson(text: string, path: string): KeyfileFields {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new InvalidKeyfileError(path, 'not a keyfile: the JSON is malformed');
  }
  const parsed = KeyfileJsonSchema.safeParse(raw);
  if (!parsed.success) {
    const bad =
      raw && typeof raw === 'object' && !Array.isArray(raw)
        ? Object.entries(raw).find(([, v]) => v !== null && typeof v !== 'string')?.[0]
        : undefined;
    throw new InvalidKeyfileError(
      path,
      bad ? `not a valid keyfile: field "${bad}" is not a string` : 'not a keyfile: expected a JSON object',
    );
  }
  const fields: KeyfileFields = {};
  for (const key of FIELDS) {
    const value = parsed.data[key];
    if (typeof value === 'string') fields[key] = value;
  }
  return fields;
}

export type ResolvedKey =
  { kind: 'secret'; keypair: Keypair } | { kind: 'public'; publicKey: Uint8Array; address: string };

/**
 * The key a keyfile describes, from its first usable source in btwallet's priority (secretPhrase →
 * secretSeed → privateKey → public fields), cross-checked against the public fields it also carries.
 */
export async function resolveKeyfile(fields: KeyfileFields, path: string): Promise<ResolvedKey> {
  const claimed = claimedPublicKey(fields, path);
  let keypair: Keypair | undefined;
  if (fields.secretPhrase !== undefined) {
    keypair = await Keypair.fromMnemonic(fields.secretPhrase).catch((err: Error) => {
      throw new InvalidKeyfileError(path, `secretPhrase: ${err.message}`);
    });
  } else if (fields.secretSeed !== undefined && /^0x[0-9a-fA-F]{64}$/.test(fields.secretSeed)) {
    keypair = await Keypair.fromSeed(hexBytes(fields.secretSeed));
  } else if (fields.privateKey !== undefined) {
    keypair = await fromPrivateKey(fields.privateKey, claimed, path);
  }
  if (keypair) {
    if (claimed && !equalBytes(claimed, keypair.publicKey)) {
      keypair.wipe();
      throw new InvalidKeyfileError(
        path,
        'inconsistent keyfile: its secret does not belong to the public key/address it lists',
      );
    }
    return { kind: 'secret', keypair };
  }
  if (!claimed) throw new InvalidKeyfileError(path, 'not a keyfile: it holds no key');
  return { kind: 'public', publicKey: claimed, address: toSs58(claimed) };
}

/** btwallet writes the canonical form; some legacy Python files hold the ed25519 form: accept whichever matches. */
async function fromPrivateKey(hex: string, claimed: Uint8Array | undefined, path: string): Promise<Keypair> {
  if (!/^0x[0-9a-fA-F]{128}$/.test(hex)) {
    throw new InvalidKeyfileError(path, 'privateKey must be 0x followed by 64 bytes of hex');
  }
  const bytes = hexBytes(hex);
  try {
    const canonical = await Keypair.fromCanonicalPrivateKey(bytes).catch(() => undefined);
    if (canonical && (!claimed || equalBytes(claimed, canonical.publicKey))) return canonical;
    canonical?.wipe();
    const ed25519Form = await Keypair.fromEd25519FormSecretKey(bytes).catch(() => undefined);
    if (ed25519Form && claimed && equalBytes(claimed, ed25519Form.publicKey)) return ed25519Form;
    ed25519Form?.wipe();
  } finally {
    bytes.fill(0);
  }
  throw new InvalidKeyfileError(
    path,
    claimed
      ? 'inconsistent keyfile: privateKey does not belong to the public key/address it lists'
      : 'privateKey is not a valid sr25519 secret key',
  );
}

function claimedPublicKey(fields: KeyfileFields, path: string): Uint8Array | undefined {
  const keys: Uint8Array[] = [];
  for (const field of ['publicKey', 'accountId'] as const) {
    const hex = fields[field];
    if (hex === undefined) continue;
    if (!/^0x[0-9a-fA-F]{64}$/.test(hex))
      throw new InvalidKeyfileError(path, `${field} must be 0x followed by 32 bytes of hex`);
    keys.push(hexBytes(hex));
  }
  if (fields.ss58Address !== undefined) {
    try {
      keys.push(publicKeyFromSs58(fields.ss58Address));
    } catch {
      throw new InvalidKeyfileError(path, `ss58Address "${fields.ss58Address}" is not a valid address`);
    }
  }
  if (keys.some((k) => !equalBytes(k, keys[0]))) {
    throw new InvalidKeyfileError(
      path,
      'inconsistent keyfile: publicKey, accountId and ss58Address disagree',
    );
  }
  return keys[0];
}

/** btcli's secret keyfile, compact, in the fixed field order wallet.md §3 recommends. */
export function serializeKeyfile(keypair: Keypair): string {
  const publicHex = hex(keypair.publicKey);
  const privateKey = keypair.canonicalPrivateKey();
  const seed = keypair.miniSecret;
  const fields: KeyfileFields = {
    accountId: publicHex,
    publicKey: publicHex,
    privateKey: hex(privateKey),
    ...(keypair.mnemonic !== undefined ? { secretPhrase: keypair.mnemonic } : {}),
    ...(seed ? { secretSeed: hex(seed) } : {}),
    ss58Address: keypair.address,
  };
  privateKey.fill(0);
  return JSON.stringify(fields);
}

/** `coldkeypub.txt` / `<hotkey>pub.txt`: exactly accountId, publicKey, ss58Address. */
export function serializePublicKeyfile(publicKey: Uint8Array): string {
  const publicHex = hex(publicKey);
  return JSON.stringify({ accountId: publicHex, publicKey: publicHex, ss58Address: toSs58(publicKey) });
}

const hex = (bytes: Uint8Array): string => `0x${Buffer.from(bytes).toString('hex')}`;
const hexBytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s.slice(2), 'hex'));

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
