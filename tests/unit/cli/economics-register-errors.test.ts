import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createWallet } from '../../../core/bittensor/wallet/index.js';

const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), 'sn2-econ-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function sn2(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/sn2.mjs', ...args], {
      env: { ...process.env, SN2_HOME: join(tmp, 'home'), BT_WALLET_PATH: join(tmp, 'wallets') },
      timeout: 90_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('sn2 economics and sn2 register refuse with one line', () => {
  it('an unreachable network', async () => {
    const port = await closedPort();
    const r = await sn2([
      'economics',
      '--subtensor.network',
      `ws://127.0.0.1:${port}`,
      '--netuid',
      '2',
      '--json',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(
      `sn2: error: cannot reach the chain at ws://127.0.0.1:${port}: connection refused (is the node running?)`,
    );
    expect(JSON.parse(r.stdout)).toEqual({ error: expect.stringMatching(/^cannot reach the chain/) });
  });

  it('a bad --max-burn or netuid, and a wallet without keys, before touching the chain', async () => {
    const bad = await sn2(['register', '--subtensor.network', 'local', '--max-burn', '1,5']);
    expect(bad.stderr.trim()).toBe('sn2: error: --max-burn must be an amount of TAO such as 0.5, got "1,5"');
    const netuid = await sn2(['economics', '--netuid', 'two']);
    expect(netuid.stderr.trim()).toBe(
      'sn2: error: --netuid must be a subnet number from 0 to 65535, got "two"',
    );
    await createWallet({ path: join(tmp, 'wallets'), name: 'w', hotkey: 'h', password: 'pw' });
    const noHot = await sn2([
      'register',
      '--subtensor.network',
      'local',
      '--wallet.name',
      'w',
      '--wallet.hotkey',
      'x',
    ]);
    expect(noHot.code).toBe(1);
    expect(noHot.stderr.trim().split('\n')).toHaveLength(1);
    expect(noHot.stderr).toMatch(/hotkey "x" of wallet "w"/);
  });
});
