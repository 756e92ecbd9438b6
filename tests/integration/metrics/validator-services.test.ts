import { createServer as createNetServer } from 'node:net';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { CoreService } from '../../../core/service/core-service.js';
import { silentLogger } from '../../../core/contract/logger.js';
import { SettingsSchema } from '../../../core/contract/index.js';
import { startValidatorServices } from '../../../core/service/node-runtime/start-validator-services.js';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

let dir: string;
let service: CoreService;
let storage: Server;
const stored: unknown[] = [];

beforeAll(async () => {
  await cryptoWaitReady();
  dir = mkdtempSync(join(tmpdir(), 'sn2-services-'));
  service = new CoreService({ dataDir: dir, logger: silentLogger() });
  storage = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      stored.push(JSON.parse(body));
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => storage.listen(0, '127.0.0.1', r));
});

afterAll(async () => {
  await service.close();
  await new Promise<void>((r) => storage.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

describe('startValidatorServices', () => {
  it('starts metrics and proof publishing per settings, and stops them on close', async () => {
    const port = await freePort();
    const settings = SettingsSchema.parse({
      version: 1,
      network: 'local',
      validator: {
        prometheus: { enabled: true, port },
        proofPublishing: {
          enabled: true,
          url: `http://127.0.0.1:${(storage.address() as AddressInfo).port}/proof`,
        },
      },
    });
    // Never connected: only the external API (off here) would use the chain.
    const api = new ApiPromise({ provider: new WsProvider('ws://127.0.0.1:9', false) });
    const services = await startValidatorServices({
      settings,
      certDir: join(dir, 'cert'),
      externalIp: '127.0.0.1',
      api,
      hotkey: new Keyring({ type: 'sr25519' }).addFromUri('//Alice'),
      netuid: 1,
      queue: { length: 2, submit: async () => ({ proof: null, publicSignals: null }) },
      catalog: { list: async () => [] },
      events: service,
      logger: silentLogger(),
    });
    expect(services.externalApi).toBeNull();
    service.context.emit({ type: 'weights', ok: true, block: 9, uids: [0, 1], method: 'set_weights' });
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(text).toContain('sn2_queue_depth{queue="external_requests"} 2');
    expect(text).toContain('sn2_weights_uids 2');

    services.publisher!.publish({
      circuitId: 'c',
      requestHash: 'h',
      minerUid: 3,
      proof: {},
      publicSignals: [],
    });
    await services.publisher!.idle();
    expect(stored).toHaveLength(1);

    await services.close();
    await expect(fetch(`http://127.0.0.1:${port}/metrics`)).rejects.toThrow();
    await api.disconnect();
  });
});
