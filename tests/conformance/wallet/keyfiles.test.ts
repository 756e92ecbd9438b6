import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedPath } from '../../helpers/shared.js';
import { Keypair } from '../../../core/bittensor/keys/index.js';
import {
  InvalidKeyfileError,
  LegacyKeyfileError,
  PasswordRequiredError,
  loadHotkey,
  parseKeyfileJson,
  readColdkeyPub,
  readHotkeyPub,
  resolveKeyfile,
  serializeKeyfile,
  serializePublicKeyfile,
  regenHotkey,
  regenColdkeypub,
  listWallets,
} from '../../../core/bittensor/wallet/index.js';

interface WalletFilesVector {
  key: { mnemonic: string; ss58: string; publicKey: string };
  files: Record<string, { mode: string; content: string }>;
  reader_variants: Array<{
    case: string;
    content: string;
    expect_ss58?: string;
    expect_public_only?: boolean;
    expect_error?: boolean;
  }>;
}
const v = JSON.parse(readFileSync(sharedPath('vectors', 'wallet-files.json'), 'utf8')) as WalletFilesVector;
const root = mkdtempSync(join(tmpdir(), 'sn2-keyfiles-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('wallet-files.json: btcli keyfiles', () => {
  it('writes the secret hotkey file byte for byte like btwallet', async () => {
    const key = await Keypair.fromMnemonic(v.key.mnemonic);
    expect(serializeKeyfile(key)).toBe(v.files['hotkeys/<hotkey>'].content);
  });

  it('writes pub files exactly (accountId, publicKey, ss58Address)', async () => {
    const key = await Keypair.fromMnemonic(v.key.mnemonic);
    expect(serializePublicKeyfile(key.publicKey)).toBe(v.files['hotkeys/<hotkey>pub.txt'].content);
    expect(serializePublicKeyfile(key.publicKey)).toBe(v.files['coldkeypub.txt'].content);
  });

  it.each(v.reader_variants)('reader variant: $case', async (variant) => {
    const path = `variant:${variant.case}`;
    if (variant.expect_error) {
      expect(() => parseKeyfileJson(variant.content, path)).toThrow(/field "secretSeed" is not a string/);
      return;
    }
    const key = await resolveKeyfile(parseKeyfileJson(variant.content, path), path);
    expect(key.kind).toBe(variant.expect_public_only ? 'public' : 'secret');
    const address = key.kind === 'public' ? key.address : key.keypair.address;
    expect(address).toBe(variant.expect_ss58);
  });

  it('privateKey-only legacy file in the ed25519 form is accepted when publicKey says so', async () => {
    const keys = JSON.parse(readFileSync(sharedPath('vectors', 'keys.json'), 'utf8')) as {
      secretKey_ed25519_form: string;
    };
    const text = JSON.stringify({ privateKey: keys.secretKey_ed25519_form, publicKey: v.key.publicKey });
    const key = await resolveKeyfile(parseKeyfileJson(text, 'legacy'), 'legacy');
    expect(key.kind === 'secret' && key.keypair.address).toBe(v.key.ss58);
  });

  it('refuses an inconsistent file (secret does not match the listed address)', async () => {
    const alice = await Keypair.fromUri('//Alice');
    const text = JSON.stringify({ secretPhrase: v.key.mnemonic, ss58Address: alice.address });
    await expect(resolveKeyfile(parseKeyfileJson(text, 'f'), 'f')).rejects.toThrow(/inconsistent keyfile/);
  });

  it('ignores a secretSeed that is not 64 hex digits and falls through to privateKey', async () => {
    const fields = JSON.parse(v.files['hotkeys/<hotkey>'].content) as Record<string, string>;
    delete fields.secretPhrase;
    fields.secretSeed = '0x' + Buffer.from('old string seed').toString('hex');
    const key = await resolveKeyfile(parseKeyfileJson(JSON.stringify(fields), 'f'), 'f');
    expect(key.kind === 'secret' && key.keypair.address).toBe(v.key.ss58);
  });

  it('rejects non-JSON and non-object files with what they are', () => {
    expect(() => parseKeyfileJson('{"a":', 'x')).toThrow(/malformed/);
    expect(() => parseKeyfileJson('[1]', 'x')).toThrow(/expected a JSON object/);
  });

  it('loads the hotkey and pub files from a btcli wallet folder; says what legacy/encrypted files are', async () => {
    const dir = join(root, 'w1');
    mkdirSync(join(dir, 'hotkeys'), { recursive: true });
    writeFileSync(join(dir, 'hotkeys', 'miner'), v.files['hotkeys/<hotkey>'].content, { mode: 0o600 });
    writeFileSync(join(dir, 'coldkeypub.txt'), v.files['coldkeypub.txt'].content, { mode: 0o600 });
    const hot = await loadHotkey({ path: root, name: 'w1', hotkey: 'miner' });
    expect(hot.address).toBe(v.key.ss58);
    expect((await readColdkeyPub({ path: root, name: 'w1' })).address).toBe(v.key.ss58);
    // No minerpub.txt (btwallet < 3.1): derived from the plain secret file.
    expect((await readHotkeyPub({ path: root, name: 'w1', hotkey: 'miner' })).address).toBe(v.key.ss58);

    writeFileSync(join(dir, 'hotkeys', 'vault'), '$ANSIBLE_VAULT;1.1;AES256\n3132', { mode: 0o600 });
    writeFileSync(join(dir, 'hotkeys', 'fernet'), 'gAAAAABk', { mode: 0o600 });
    writeFileSync(join(dir, 'hotkeys', 'nacl'), Buffer.from('$NACL' + 'x'.repeat(60)), { mode: 0o600 });
    writeFileSync(join(dir, 'hotkeys', 'junk'), 'hello', { mode: 0o600 });
    await expect(loadHotkey({ path: root, name: 'w1', hotkey: 'vault' })).rejects.toThrow(LegacyKeyfileError);
    await expect(loadHotkey({ path: root, name: 'w1', hotkey: 'vault' })).rejects.toThrow(
      /Ansible Vault.*regenerate/,
    );
    await expect(loadHotkey({ path: root, name: 'w1', hotkey: 'fernet' })).rejects.toThrow(/Fernet/);
    await expect(loadHotkey({ path: root, name: 'w1', hotkey: 'nacl' })).rejects.toThrow(
      PasswordRequiredError,
    );
    await expect(loadHotkey({ path: root, name: 'w1', hotkey: 'junk' })).rejects.toThrow(InvalidKeyfileError);
    await expect(loadHotkey({ path: root, name: 'w1', hotkey: 'missing' })).rejects.toThrow(/not found/);
  });

  it('warns (does not refuse) when a secret file is readable by others', async () => {
    const dir = join(root, 'w2', 'hotkeys');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'default'), v.files['hotkeys/<hotkey>'].content, { mode: 0o644 });
    const warnings: string[] = [];
    const hot = await loadHotkey({ path: root, name: 'w2', onWarning: (m) => warnings.push(m) });
    expect(hot.address).toBe(v.key.ss58);
    expect(warnings.join()).toMatch(/readable by other users.*chmod 600/);
  });

  it('regen writes btcli files with mode 0600 in 0700 folders; list shows addresses only', async () => {
    const path = join(root, 'fresh');
    await regenHotkey({ path, name: 'w', hotkey: 'h', secret: { mnemonic: v.key.mnemonic } });
    regenColdkeypub({ path, name: 'w', ss58: v.key.ss58 });
    expect(readFileSync(join(path, 'w', 'hotkeys', 'h'), 'utf8')).toBe(v.files['hotkeys/<hotkey>'].content);
    expect(readFileSync(join(path, 'w', 'hotkeys', 'hpub.txt'), 'utf8')).toBe(
      v.files['hotkeys/<hotkey>pub.txt'].content,
    );
    expect(readFileSync(join(path, 'w', 'coldkeypub.txt'), 'utf8')).toBe(v.files['coldkeypub.txt'].content);
    for (const f of ['w/hotkeys/h', 'w/hotkeys/hpub.txt', 'w/coldkeypub.txt']) {
      expect(statSync(join(path, f)).mode & 0o777).toBe(0o600);
    }
    for (const d of ['w', 'w/hotkeys']) expect(statSync(join(path, d)).mode & 0o777).toBe(0o700);
    // Never overwrite silently; a pub file of another key blocks an import.
    await expect(
      regenHotkey({ path, name: 'w', hotkey: 'h', secret: { mnemonic: v.key.mnemonic } }),
    ).rejects.toThrow(/already exists/);
    rmSync(join(path, 'w', 'hotkeys', 'h'));
    await expect(
      regenHotkey({ path, name: 'w', hotkey: 'h', secret: { seed: '0x' + '11'.repeat(32) } }),
    ).rejects.toThrow(/different key/);
    await regenHotkey({ path, name: 'w', hotkey: 'h', secret: { mnemonic: v.key.mnemonic } });
    expect(await listWallets({ path })).toEqual([
      { name: 'w', coldkeyAddress: v.key.ss58, hotkeys: [{ name: 'h', address: v.key.ss58 }] },
    ]);
  });
});
