import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CoreService } from '../../../core/service/core-service.js';
import { createLogger, currentLogFile, flushLogger } from '../../../core/service/logger.js';
import type { CoreEvent } from '../../../core/contract/index.js';
import { Keypair } from '../../../core/bittensor/keys/index.js';

const dir = mkdtempSync(join(tmpdir(), 'sn2-wallet-svc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const MNEMONIC = 'old leopard transfer rib spatial phone calm indicate online fire caution review';
const SS58 = '5HDvhV6WDCjCKyrXqGQSDYqQAzkzabNhctmiDYEqgBC66BsX';

describe('wallet.* commands of the CoreService', () => {
  const wallets = join(dir, 'wallets');
  const logger = createLogger(join(dir, 'logs'), 'debug');
  const core = new CoreService({ dataDir: join(dir, 'data'), logger });
  core.context.settings.update({ wallet: { path: wallets } });

  it('create returns matching mnemonics once, emits KDF progress, and list shows the wallet', async () => {
    const events: CoreEvent[] = [];
    const off = core.onEvent((e) => events.push(e));
    const created = await core.invoke('wallet.create', {
      name: 'ui',
      hotkey: 'miner',
      password: 'Secret-Pässword-42',
      words: 24,
    });
    off();
    expect(created.coldkeyMnemonic.split(' ')).toHaveLength(24);
    expect((await Keypair.fromMnemonic(created.coldkeyMnemonic)).address).toBe(created.coldkeyAddress);
    expect((await Keypair.fromMnemonic(created.hotkeyMnemonic)).address).toBe(created.hotkeyAddress);
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.at(-1)).toMatchObject({ finished: true, done: 1000, total: 1000 });
    expect(await core.invoke('wallet.list', {})).toEqual([
      {
        name: 'ui',
        coldkeyAddress: created.coldkeyAddress,
        hotkeys: [{ name: 'miner', address: created.hotkeyAddress }],
      },
    ]);
    // Secrets stay out of the app's logs.
    await flushLogger(logger);
    const logs = readFileSync(currentLogFile(join(dir, 'logs'))!, 'utf8');
    expect(logs).toContain(created.coldkeyAddress);
    for (const m of [created.coldkeyMnemonic, created.hotkeyMnemonic, 'Secret-Pässword-42'])
      expect(logs).not.toContain(m);
  });

  it('import hotkey from a mnemonic; a coldkey import without password is refused', async () => {
    expect(
      await core.invoke('wallet.import', { name: 'imp', hotkey: 'h', key: 'hotkey', mnemonic: MNEMONIC }),
    ).toEqual({
      address: SS58,
    });
    await expect(
      core.invoke('wallet.import', { name: 'imp', key: 'coldkey', mnemonic: MNEMONIC }),
    ).rejects.toThrow(/needs a password/);
    await expect(
      core.invoke('wallet.import', { name: '../x', key: 'hotkey', mnemonic: MNEMONIC }),
    ).rejects.toThrow(/invalid input for wallet.import: name/);
  });
});
