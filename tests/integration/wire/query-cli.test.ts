import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPath } from '../../helpers/shared.js';
import { QueryForCapacities } from '../../../core/sn2/transport/v10-synapses.js';
import { startAxon, testSigner, type Started } from './helpers.js';

const run = promisify(execFile);
let s: Started;
let walletPath: string;

beforeAll(async () => {
  // A btcli wallet in a temp folder, holding the vectors' hotkey file (never written into the repo).
  const files = JSON.parse(readFileSync(sharedPath('vectors', 'wallet-files.json'), 'utf8')) as {
    files: Record<string, { content: string }>;
  };
  walletPath = mkdtempSync(join(tmpdir(), 'sn2-query-'));
  mkdirSync(join(walletPath, 'w', 'hotkeys'), { recursive: true });
  const hotkeyFile = join(walletPath, 'w', 'hotkeys', 'h');
  writeFileSync(hotkeyFile, files.files['hotkeys/<hotkey>'].content);
  chmodSync(hotkeyFile, 0o600);
  s = await startAxon(await testSigner('//Alice'), {}, (a) =>
    a.attach(QueryForCapacities, {
      forward: (syn) => {
        syn.capacities = new Map([['4a87c995', 3]]);
        return syn;
      },
    }),
  );
});
afterAll(async () => {
  await s.axon.stop();
  rmSync(walletPath, { recursive: true, force: true });
});

const query = (...args: string[]) =>
  run(process.execPath, [
    'bin/sn2.mjs',
    'query',
    `127.0.0.1:${s.port}`,
    '--wallet.path',
    walletPath,
    '--wallet.name',
    'w',
    '--wallet.hotkey',
    'h',
    '--json',
    ...args,
  ]).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
  );

describe('sn2 query', () => {
  it('signs with the wallet hotkey and prints the axon answer; a wrong axon hotkey gives 401 and exit 1', async () => {
    const ok = await query('--synapse', 'QueryForCapacities', '--axon.hotkey', s.target.hotkey);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({
      ok: true,
      status: 200,
      message: 'Success',
      response: { capacities: { '4a87c995': 3 } },
    });
    expect(s.events.at(-1)?.hotkey).toBe('5HDvhV6WDCjCKyrXqGQSDYqQAzkzabNhctmiDYEqgBC66BsX');

    const wrong = await query('--synapse', 'Synapse');
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.out)).toMatchObject({ ok: false, status: 401 });
  });
});
