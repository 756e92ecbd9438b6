import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedPath } from '../../helpers/shared.js';
import { Keypair } from '../../../core/bittensor/keys/index.js';
import {
  ARGON2_BACKENDS,
  NACL_KDF,
  WrongPasswordError,
  createWallet,
  decryptNacl,
  deriveNaclKey,
  detectKeyfileFormat,
  encryptNacl,
  loadHotkey,
  readColdkeyPub,
  serializePublicKeyfile,
  unlockColdkey,
  type KdfProgress,
} from '../../../core/bittensor/wallet/index.js';

interface NaclVector {
  password: string;
  argon2: { opslimit_iterations: number; memlimit_bytes: number; salt_hex: string };
  derived_key_hex: string;
  nonce_hex: string;
  file_hex: string;
  file_length: number;
  plaintext: string;
}
const v = JSON.parse(readFileSync(sharedPath('vectors', 'nacl-coldkey.json'), 'utf8')) as NaclVector;
const file = new Uint8Array(Buffer.from(v.file_hex, 'hex'));
const enc = (s: string) => new TextEncoder().encode(s);
const root = mkdtempSync(join(tmpdir(), 'sn2-nacl-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('nacl-coldkey.json: $NACL coldkeys', () => {
  it('uses btwallet parameters', () => {
    expect(NACL_KDF.iterations).toBe(v.argon2.opslimit_iterations);
    expect(NACL_KDF.memoryBytes).toBe(v.argon2.memlimit_bytes);
    expect(Buffer.from(NACL_KDF.salt).toString('hex')).toBe(v.argon2.salt_hex);
    expect(detectKeyfileFormat(file)).toBe('nacl');
    expect(file.length).toBe(v.file_length);
  });

  it.each(ARGON2_BACKENDS)(
    'Argon2i backend %s derives the vector key (in a worker, with progress)',
    async (backend) => {
      const progress: KdfProgress[] = [];
      const password = enc(v.password);
      const r = await deriveNaclKey(password, { backend, onProgress: (p) => progress.push(p) });
      expect(r.backend).toBe(backend);
      expect(Buffer.from(r.key).toString('hex')).toBe(v.derived_key_hex);
      expect(password.every((b) => b === 0)).toBe(true);
      expect(progress.at(-1)?.fraction).toBe(1);
      expect(progress.slice(0, -1).every((p) => p.fraction < 1)).toBe(true);
    },
  );

  it('decrypts the PyNaCl file and re-encrypts to the same bytes with the same nonce', async () => {
    const plaintext = await decryptNacl(file, v.password);
    expect(Buffer.from(plaintext).toString('utf8')).toBe(v.plaintext);
    const again = await encryptNacl(enc(v.plaintext), v.password, { nonce: Buffer.from(v.nonce_hex, 'hex') });
    expect(Buffer.from(again).toString('hex')).toBe(v.file_hex);
  });

  it('unlocks the coldkey of a btcli wallet, checked against coldkeypub.txt; a wrong password fails clearly', async () => {
    const dir = join(root, 'btcli');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'coldkey'), file, { mode: 0o600 });
    const expected = await Keypair.fromMnemonic(JSON.parse(v.plaintext).secretPhrase as string);
    writeFileSync(join(dir, 'coldkeypub.txt'), serializePublicKeyfile(expected.publicKey), { mode: 0o600 });
    const cold = await unlockColdkey({ path: root, name: 'btcli', password: v.password });
    expect(cold.address).toBe(expected.address);
    cold.wipe();
    const err = await unlockColdkey({ path: root, name: 'btcli', password: 'wrong' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WrongPasswordError);
    expect((err as Error).message).toMatch(/wrong password for .*coldkey/);

    const alice = await Keypair.fromUri('//Alice');
    writeFileSync(join(dir, 'coldkeypub.txt'), serializePublicKeyfile(alice.publicKey), { mode: 0o600 });
    await expect(unlockColdkey({ path: root, name: 'btcli', password: v.password })).rejects.toThrow(
      /does not match coldkeypub\.txt/,
    );
  });

  it('createWallet writes an encrypted coldkey (0600) that unlocks to the mnemonic it returned', async () => {
    const { coldkey, hotkey } = await createWallet({
      path: root,
      name: 'new',
      hotkey: 'hk',
      password: 'pässwörd ',
    });
    const coldFile = new Uint8Array(readFileSync(join(root, 'new', 'coldkey')));
    expect(detectKeyfileFormat(coldFile)).toBe('nacl');
    expect(statSync(join(root, 'new', 'coldkey')).mode & 0o777).toBe(0o600);
    expect(coldkey.mnemonic.split(' ')).toHaveLength(12);
    expect((await readColdkeyPub({ path: root, name: 'new' })).address).toBe(coldkey.keypair.address);
    expect((await loadHotkey({ path: root, name: 'new', hotkey: 'hk' })).address).toBe(
      hotkey.keypair.address,
    );
    const unlocked = await unlockColdkey({ path: root, name: 'new', password: 'pässwörd ' });
    expect(unlocked.address).toBe((await Keypair.fromMnemonic(coldkey.mnemonic)).address);
    await expect(createWallet({ path: root, name: 'new', hotkey: 'hk', password: 'x' })).rejects.toThrow(
      /already exists/,
    );
  });
});
