import { useCustomEngine } from '../../../core/engines/install/manage.js';
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../../core/contract/index.js';
import { engineHome, freeUdpPort, standinBinary } from '../../helpers/engine-standin.js';

async function freeTcpPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

describe('sn2 mine --protocol 2026 with the stand-in engine', () => {
  it('runs it supervised; its proofs reach the --json stream, the proof log and /metrics; Ctrl-C stops it', async () => {
    const home = engineHome();
    const data = join(home.dir, 'data');
    mkdirSync(data, { mode: 0o700 });
    const metricsPort = await freeTcpPort();
    const engine = standinBinary(home.dir, 'sn2-miner', {
      STANDIN_REQUESTS: '3',
      STANDIN_REQUEST_INTERVAL_MS: '50',
    });
    // The validator's metrics settings are not the miner's: only --prometheus.port turns them on here.
    writeFileSync(
      join(data, 'settings.json'),
      JSON.stringify({
        version: 1,
        validator: { prometheus: { enabled: true, host: '127.0.0.1', port: await freeTcpPort() } },
      }),
    );
    // "sn2 engine use": the hand-installed binary is smoke-tested and hash-pinned in the engine manifest.
    await useCustomEngine(data, engine);
    const port = await freeUdpPort();
    const child = spawn(
      process.execPath,
      [
        'bin/sn2.mjs',
        'mine',
        '--protocol',
        '2026',
        '--subtensor.network',
        'finney',
        '--wallet.name',
        'miner',
        '--wallet.path',
        home.walletPath,
        '--axon.port',
        String(port),
        '--axon.external_ip',
        '203.0.113.5',
        '--prometheus.port',
        String(metricsPort),
        '--json',
      ],
      { env: { ...process.env, SN2_HOME: data, HOME: home.dir }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const events: CoreEvent[] = [];
    let stderr = '';
    let buffer = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      buffer += c.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const l of lines) if (l.trim()) events.push(JSON.parse(l) as CoreEvent);
    });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const end = Date.now() + 60_000;
    while (events.filter((e) => e.type === 'proof').length < 3) {
      if (Date.now() > end || child.exitCode !== null) throw new Error(`no proofs: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(events.find((e) => e.type === 'status' && e.state === 'running')).toMatchObject({
      detail: expect.stringContaining(
        `sn2-miner 14.6.0 (2026 protocol) on finney netuid 2, UDP port ${port}; metrics on 127.0.0.1:${metricsPort}`,
      ),
    });
    const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(metrics).toContain(
      'sn2_requests_total{role="miner",route="dsperse-proof-generation",status="proved"} 3',
    );
    expect(metrics).toContain('sn2_queue_depth{queue="miner_requests"} 0');
    // One duration per proof, labelled with its circuit (slice) and the engine's version as the prover.
    expect(
      metrics.match(
        /^sn2_proof_duration_seconds_count\{role="miner",circuit="[^"]+",prover="sn2-miner 14\.6\.0"\} 1$/gm,
      ),
    ).toHaveLength(3);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    const log = readFileSync(join(data, 'logs', 'proofs.jsonl'), 'utf8')
      .trim()
      .split('\n');
    expect(log.map((l) => (JSON.parse(l) as { status: string }).status)).toEqual([
      'proved',
      'proved',
      'proved',
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'status', state: 'stopped' });
    // The engine got a wallet folder of its own with the hotkey (0600) and the public coldkey only.
    const wallet = join(data, 'engines', 'wallets', 'miner');
    expect(readdirSync(wallet).sort()).toEqual(['coldkeypub.txt', 'hotkeys']);
    expect(readdirSync(join(wallet, 'hotkeys'))).toEqual(['default']);
    expect(statSync(join(wallet, 'hotkeys', 'default')).mode & 0o777).toBe(0o600);
  });
});
