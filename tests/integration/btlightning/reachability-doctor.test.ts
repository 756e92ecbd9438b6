import { mkdtempSync, rmSync } from 'node:fs';
import { createSocket } from 'node:dgram';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keypair, cryptoReady } from '../../../core/bittensor/keys/index.js';
import { probeQuic } from '../../../core/btlightning/probe.js';
import { regenHotkey } from '../../../core/bittensor/wallet/index.js';
import { silentLogger } from '../../../core/contract/logger.js';
import { CoreService } from '../../../core/service/core-service.js';
import {
  quicExternalCheck,
  quicLocalCheck,
  type ProbeFn,
} from '../../../core/service/node-runtime/reachability-checks.js';
import { startBtlightningServer, type RunningBtlightningServer } from '../../helpers/btlightning-server.js';

const ADMITTED = '5CFxLBvpyQq3TCP7zLcu8dLcPBxhA6MdLvXiCyvJVojuK17J';
let miner: Keypair;
let server: RunningBtlightningServer;
const tmp = mkdtempSync(join(tmpdir(), 'sn2-reach-'));
const logged: string[] = [];

beforeAll(async () => {
  await cryptoReady();
  miner = await Keypair.fromSeed(Buffer.from('01'.repeat(32), 'hex'));
  // As the stock 2026 miner: only the one validator is admitted, so every probe is refused.
  server = await startBtlightningServer({ miner, admitted: [ADMITTED], log: (_l, _t, m) => logged.push(m) });
});
afterAll(async () => {
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
});

/**
 * The test cannot own a public address: this probe sends what would go to `8.8.4.4` to the loopback server
 * (the real probe, real QUIC; only the destination differs), and everything else to a UDP port that never answers.
 */
function routed(routes: Record<string, number>): ProbeFn {
  return (o) =>
    probeQuic({
      ...o,
      host: '127.0.0.1',
      port: routes[o.host] ?? o.port,
      connectTimeoutMs: 800,
      replyTimeoutMs: 2_000,
    });
}

describe('reachability doctor checks against a btlightning server', () => {
  it('quic-local passes when the miner refuses the probe but names this wallet hotkey, and the miner logs the probe key', async () => {
    const check = await quicLocalCheck(probeQuic, server.port, miner.address, true);
    expect(check).toEqual({
      id: 'quic-local',
      ok: true,
      message: expect.stringMatching(
        new RegExp(
          `^the miner answers btlightning on UDP port ${server.port} \\(hotkey ${miner.address}; the doctor's probe key was 5\\w+\\)$`,
        ),
      ),
    });
    const probeKey = /probe key was (5\w+)\)$/.exec(check.message)![1];
    expect(logged).toContain(`Handshake rejected: hotkey ${probeKey} does not hold a validator permit`);
  });

  it('quic-local fails when another miner holds the port', async () => {
    const other = (await Keypair.fromUri('//Bob')).address;
    const check = await quicLocalCheck(probeQuic, server.port, other, true);
    expect(check.ok).toBe(false);
    expect(check.message).toBe(
      `another miner answers on UDP port ${server.port}: hotkey ${miner.address}, not this wallet's ${other}`,
    );
  });

  it('quic-local fails with what to do when nothing listens', async () => {
    const sink = createSocket('udp4');
    await new Promise<void>((resolve) => sink.bind(0, '127.0.0.1', resolve));
    try {
      const check = await quicLocalCheck(routed({}), sink.address().port, miner.address, false);
      expect(check).toMatchObject({
        id: 'quic-local',
        ok: false,
        fix: 'start mining: the engine listens on its UDP port only while it runs',
      });
      expect(check.message).toMatch(
        /^nothing answers btlightning on UDP port \d+ of this computer: no QUIC answer/,
      );
    } finally {
      sink.close();
    }
  });

  it('quic-external passes through the public address, and is inconclusive (skipped) on a timeout', async () => {
    const ok = await quicExternalCheck(
      routed({ '8.8.4.4': server.port }),
      '8.8.4.4',
      8091,
      miner.address,
      true,
    );
    expect(ok).toEqual({
      id: 'quic-external',
      ok: true,
      message:
        'reachable from the Internet at 8.8.4.4:8091 (UDP): this miner answered through the public address',
    });

    const sink = createSocket('udp4');
    await new Promise<void>((resolve) => sink.bind(0, '127.0.0.1', resolve));
    try {
      const none = await quicExternalCheck(
        routed({ '8.8.4.4': sink.address().port }),
        '8.8.4.4',
        8091,
        miner.address,
        true,
      );
      expect(none).toMatchObject({ id: 'quic-external', ok: false, skipped: true });
      expect(none.message).toMatch(/NAT hairpinning/);
      expect(none.fix).toMatch(/^forward UDP port 8091 on your router/);
    } finally {
      sink.close();
    }
    expect(await quicExternalCheck(routed({}), '8.8.4.4', 8091, miner.address, false)).toMatchObject({
      skipped: true,
    });
    expect(await quicExternalCheck(routed({}), '192.168.1.2', 8091, miner.address, true)).toMatchObject({
      skipped: true,
    });
  });
});

describe('doctor.run on mainnet checks the 2026 transport', () => {
  it('asks the UDP port over btlightning instead of HTTP, and names the wallet hotkey it expects', async () => {
    const wallets = join(tmp, 'wallets');
    await regenHotkey({ path: wallets, name: 'm', hotkey: 'h', secret: { seed: `0x${'01'.repeat(32)}` } });
    const core = new CoreService({ dataDir: join(tmp, 'doctor-data'), logger: silentLogger() });
    try {
      // The chain endpoint is unreachable on purpose: nothing leaves this machine, the chain checks say so.
      await core.invoke('settings.update', {
        network: 'finney',
        chainEndpoint: 'ws://127.0.0.1:9',
        axon: { port: server.port },
        wallet: { path: wallets, name: 'm', hotkey: 'h' },
      });
      const { checks } = await core.invoke('doctor.run', {});
      const byId = Object.fromEntries(checks.map((c) => [c.id, c]));
      expect(byId['axon-local']).toBeUndefined();
      expect(byId['quic-local']).toEqual({
        id: 'quic-local',
        ok: true,
        message: expect.stringMatching(
          new RegExp(
            `^the miner answers btlightning on UDP port ${server.port} \\(hotkey ${miner.address}; the doctor's probe key was 5\\w+\\)$`,
          ),
        ),
      });
      expect(byId['axon-chain']).toMatchObject({
        skipped: true,
        message: expect.stringMatching(/^the chain is out of reach/),
      });
    } finally {
      await core.close();
    }
  }, 60_000);
});

describe('probe.quic through CoreService', () => {
  it('runs one handshake with a fresh key and returns the contract result', async () => {
    const core = new CoreService({ dataDir: join(tmp, 'data'), logger: silentLogger() });
    try {
      const result = await core.invoke('probe.quic', {
        target: `127.0.0.1:${server.port}`,
        key: 'fresh',
        expectHotkey: miner.address,
        timeoutMs: 3_000,
      });
      expect(result).toMatchObject({
        ok: true,
        reached: true,
        accepted: false,
        minerHotkey: miner.address,
        hotkeyMatches: true,
      });
      await expect(core.invoke('probe.quic', { target: 'nope' })).rejects.toThrow(/target.*HOST:PORT/);
    } finally {
      await core.close();
    }
  });
});
