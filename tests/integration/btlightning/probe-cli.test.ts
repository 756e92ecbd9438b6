import { execFile } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keypair, cryptoReady } from '../../../core/bittensor/keys/index.js';
import { regenHotkey } from '../../../core/bittensor/wallet/index.js';
import { startBtlightningServer, type RunningBtlightningServer } from '../../helpers/btlightning-server.js';

/** `sn2 probe quic` as a user runs it, against the TypeScript btlightning server on loopback. */
const tmp = mkdtempSync(join(tmpdir(), 'sn2-probe-cli-'));
const wallets = join(tmp, 'wallets');
const WALLET_SEED = `0x${'02'.repeat(32)}`;
let server: RunningBtlightningServer;
let walletHotkey: string;
const logged: string[] = [];

beforeAll(async () => {
  await cryptoReady();
  walletHotkey = (
    await regenHotkey({ path: wallets, name: 'probe', hotkey: 'default', secret: { seed: WALLET_SEED } })
  ).address;
  server = await startBtlightningServer({
    miner: await Keypair.fromSeed(Buffer.from('01'.repeat(32), 'hex')),
    admitted: [walletHotkey],
    log: (_level, _target, message) => logged.push(message),
  });
});
afterAll(async () => {
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

function sn2(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/sn2.mjs', ...args],
      { env: { ...process.env, SN2_HOME: join(tmp, 'home'), BT_WALLET_PATH: wallets }, timeout: 90_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code) : 0, stdout, stderr }),
    );
  });
}

describe('sn2 probe quic', () => {
  it('signs with the wallet hotkey, verifies the miner and prints the result; exit 0', async () => {
    const target = `127.0.0.1:${server.port}`;
    const wallet = ['--wallet.name', 'probe', '--wallet.hotkey', 'default'];
    const sink = createSocket('udp4');
    await new Promise<void>((resolve) => sink.bind(0, '127.0.0.1', resolve));
    const [json, human, refused, bad, silent] = await Promise.all([
      sn2(['probe', 'quic', target, ...wallet, '--expect-hotkey', server.minerHotkey, '--json']),
      sn2(['probe', 'quic', target, ...wallet]),
      sn2(['probe', 'quic', target, '--fresh-key', '--expect-hotkey', walletHotkey, '--json']),
      sn2(['probe', 'quic', 'not-a-target', '--fresh-key']),
      sn2(['probe', 'quic', `127.0.0.1:${sink.address().port}`, '--fresh-key', '--timeout', '1']),
    ]);
    sink.close();

    expect(json.code, json.stderr).toBe(0);
    const result = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({
      ok: true,
      accepted: true,
      probeHotkey: walletHotkey,
      minerHotkey: server.minerHotkey,
      certFingerprint: server.certFingerprint,
      signatureValid: true,
      fingerprintMatches: true,
      hotkeyMatches: true,
    });
    expect(
      logged.some((l) => l.startsWith(`Handshake successful, established connection: conn_${walletHotkey}_`)),
    ).toBe(true);

    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^OK: 127\.0\.0\.1:\d+: handshake accepted and verified/);
    expect(human.stdout).toContain(`certificate:  ${server.certFingerprint}`);

    // A fresh key is not admitted: refused by the miner, whose hotkey is not the one expected → exit 1.
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({
      ok: false,
      reached: true,
      accepted: false,
      hotkeyMatches: false,
    });

    // No handshake at all: exit 1, the reason on stdout with the details.
    expect(silent.code).toBe(1);
    expect(silent.stdout).toMatch(
      /^FAILED: no QUIC answer from 127\.0\.0\.1:\d+ within 1000 ms: nothing listens/,
    );

    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe(
      'sn2: error: expected <ip:port> (IPv6 as [addr]:port), got "not-a-target"',
    );
  }, 120_000);
});
