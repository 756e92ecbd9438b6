import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ChainClient, type ChainHealth } from '../../../core/chain/client.js';
import { ChainUnavailableError } from '../../../core/chain/errors.js';
import { resolveEndpoint, NETWORK_PRESETS } from '../../../core/chain/networks.js';

describe('ChainClient.connect failures', () => {
  it('reports a refused connection as ChainUnavailableError and an error health event', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((r) => server.close(() => r()));
    const health: ChainHealth[] = [];
    const err = await ChainClient.connect(`ws://127.0.0.1:${port}`, {
      onHealth: (h) => health.push(h),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChainUnavailableError);
    expect((err as Error).message).toMatch(/connection refused/);
    expect(health.map((h) => h.state)).toEqual(['connecting', 'error']);
  });

  it('says when the endpoint is an HTTP server, not a WebSocket node', async () => {
    const server = createServer((_req, res) => res.writeHead(404).end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const endpoint = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await expect(ChainClient.connect(endpoint, { connectTimeoutMs: 5_000 })).rejects.toThrow(
        ChainUnavailableError,
      );
    } finally {
      server.close();
    }
  });
});

describe('network presets', () => {
  it('resolves presets, overrides and the SDK environment variable', () => {
    expect(resolveEndpoint('finney')).toBe('wss://entrypoint-finney.opentensor.ai:443');
    expect(resolveEndpoint('test')).toBe('wss://test.finney.opentensor.ai:443');
    expect(resolveEndpoint('local', undefined, { BT_SUBTENSOR_CHAIN_ENDPOINT: 'ws://10.0.0.2:9944' })).toBe(
      'ws://10.0.0.2:9944',
    );
    expect(resolveEndpoint('finney', 'ws://127.0.0.1:1234')).toBe('ws://127.0.0.1:1234');
    expect(() => resolveEndpoint('custom')).toThrow(/needs an endpoint/);
    expect(() => resolveEndpoint('custom', 'http://x')).toThrow(/ws:\/\//);
    expect(NETWORK_PRESETS.find((p) => p.network === 'test')?.netuid).toBe(118);
  });
});
