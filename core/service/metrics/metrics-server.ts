import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../contract/logger.js';
import type { Sn2Metrics } from './sn2-metrics.js';

export interface MetricsServerOptions {
  /** Loopback by default: metrics reveal stake, hotkey timing and load. */
  host?: string;
  /** Upstream default 9090; 0 picks a free port. */
  port: number;
  metrics: Sn2Metrics;
  logger: Logger;
}

export interface MetricsServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Prometheus scrape endpoint: `GET /metrics` (text format); anything else is 404. */
export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    options.metrics.text().then(
      (body) => res.writeHead(200, { 'content-type': options.metrics.contentType }).end(body),
      (err: unknown) => {
        options.logger.error({ err: String(err) }, 'metrics: collection failed');
        res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics collection failed\n');
      },
    );
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => options.logger.error({ err: err.message }, 'metrics: server error'));
  const port = (server.address() as AddressInfo).port;
  options.logger.info({ host: options.host ?? '127.0.0.1', port }, 'metrics: listening');
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
