import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedPath } from '../../helpers/shared.js';

const run = promisify(execFile);
const path = mkdtempSync(join(tmpdir(), 'sn2-wallet-cli-'));
afterAll(() => rmSync(path, { recursive: true, force: true }));

const vector = JSON.parse(readFileSync(sharedPath('vectors', 'wallet-files.json'), 'utf8')) as {
  key: { mnemonic: string; ss58: string };
  files: Record<string, { content: string }>;
};

/** `node bin/sn2.mjs …` with no terminal attached; resolves with exit code, stdout, stderr. */
async function sn2(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/sn2.mjs', ...args], {
      env: { ...process.env, ...env },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const wp = ['--wallet.path', path];

describe('sn2 wallet (spawned CLI, temp --wallet.path)', () => {
  let created: {
    coldkeyAddress: string;
    hotkeyAddress: string;
    coldkeyMnemonic: string;
    hotkeyMnemonic: string;
  };

  it('create --json prints the addresses and both mnemonics once, writes btcli files', async () => {
    const r = await sn2(
      [
        'wallet',
        'create',
        ...wp,
        '--wallet.name',
        'w',
        '--wallet.hotkey',
        'm',
        '--password-env',
        'PW',
        '--json',
      ],
      {
        PW: 'correct horse',
      },
    );
    expect(r.code, r.stderr).toBe(0);
    created = JSON.parse(r.stdout);
    expect(created.coldkeyAddress).toMatch(/^5\w{47}$/);
    expect(created.coldkeyMnemonic.split(' ')).toHaveLength(12);
    expect(
      readFileSync(join(path, 'w', 'coldkey'))
        .subarray(0, 5)
        .toString(),
    ).toBe('$NACL');
    expect(statSync(join(path, 'w', 'coldkey')).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(join(path, 'w', 'hotkeys', 'm'), 'utf8')).secretPhrase).toBe(
      created.hotkeyMnemonic,
    );
  });

  it('create refuses to overwrite an existing wallet', async () => {
    const r = await sn2(
      ['wallet', 'create', ...wp, '--wallet.name', 'w', '--wallet.hotkey', 'm', '--password-env', 'PW'],
      {
        PW: 'x',
      },
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/already exists; refusing to overwrite/);
  });

  it('inspect --json shows addresses and never secrets', async () => {
    const r = await sn2(['wallet', 'inspect', ...wp, '--wallet.name', 'w', '--wallet.hotkey', 'm', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      coldkeyAddress: created.coldkeyAddress,
      coldkeyFile: 'nacl',
      hotkey: { name: 'm', address: created.hotkeyAddress },
    });
    for (const secret of [created.coldkeyMnemonic, created.hotkeyMnemonic, 'privateKey', 'secretSeed']) {
      expect(r.stdout + r.stderr).not.toContain(secret);
    }
  });

  it('inspect with the password unlocks the coldkey; a wrong password exits non-zero with a clear message', async () => {
    const ok = await sn2(
      ['wallet', 'inspect', ...wp, '--wallet.name', 'w', '--password-env', 'PW', '--json'],
      {
        PW: 'correct horse',
      },
    );
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).coldkeyUnlocked).toBe(true);
    const bad = await sn2(['wallet', 'inspect', ...wp, '--wallet.name', 'w', '--password-env', 'PW'], {
      PW: 'wrong',
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^sn2: error: wrong password for .*coldkey/m);
  });

  it('without a terminal and without --password-env, asks for a flag instead of hanging', async () => {
    const r = await sn2(['wallet', 'inspect', ...wp, '--wallet.name', 'w', '--unlock']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no terminal to prompt/);
  });

  it('regen hotkey from the btcli test mnemonic writes the vector file; list shows it', async () => {
    const r = await sn2([
      'wallet',
      'regen',
      'hotkey',
      ...wp,
      '--wallet.name',
      'v',
      '--wallet.hotkey',
      'h',
      '--mnemonic',
      ...vector.key.mnemonic.split(' '),
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).hotkeyAddress).toBe(vector.key.ss58);
    expect(readFileSync(join(path, 'v', 'hotkeys', 'h'), 'utf8')).toBe(
      vector.files['hotkeys/<hotkey>'].content,
    );
    const pub = await sn2([
      'wallet',
      'regen',
      'coldkeypub',
      ...wp,
      '--wallet.name',
      'v',
      '--ss58',
      vector.key.ss58,
    ]);
    expect(pub.code, pub.stderr).toBe(0);
    const list = await sn2(['wallet', 'list', ...wp, '--json']);
    expect(JSON.parse(list.stdout)).toEqual([
      { name: 'v', coldkeyAddress: vector.key.ss58, hotkeys: [{ name: 'h', address: vector.key.ss58 }] },
      {
        name: 'w',
        coldkeyAddress: created.coldkeyAddress,
        hotkeys: [{ name: 'm', address: created.hotkeyAddress }],
      },
    ]);
  });

  it('bad input gets one clear line and a non-zero exit', async () => {
    const bad = await sn2([
      'wallet',
      'regen',
      'hotkey',
      ...wp,
      '--wallet.name',
      'v',
      '--wallet.hotkey',
      'x',
      '--mnemonic',
      'not',
      'a',
      'mnemonic',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/invalid mnemonic/);
    const name = await sn2(['wallet', 'inspect', ...wp, '--wallet.name', '../etc']);
    expect(name.stderr).toMatch(/invalid wallet name/);
    const missing = await sn2(['wallet', 'inspect', ...wp, '--wallet.name', 'nope']);
    expect(missing.stderr).toMatch(/no wallet "nope"/);
  });
});
