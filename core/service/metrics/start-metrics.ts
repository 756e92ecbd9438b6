import type { Settings, CoreEvent } from '../../contract/index.js';
import type { Logger } from '../../contract/logger.js';
import { Sn2Metrics, attachMetrics } from './sn2-metrics.js';
import { startMetricsServer, type MetricsServer } from './metrics-server.js';

export interface RunningMetrics {
  metrics: Sn2Metrics;
  /** Null when the Prometheus endpoint is off (the registry still feeds the UI's snapshot). */
  server: MetricsServer | null;
  close(): Promise<void>;
}

/**
 * Metrics for a running neuron: the registry always follows the event stream; the `/metrics` endpoint
 * listens only when the neuron's `prometheus.enabled` (`validator.` or `mining.`; loopback unless a host is set).
 */
export async function startMetrics(
  settings: Settings['validator']['prometheus'],
  events: { onEvent(listener: (event: CoreEvent) => void): () => void },
  logger: Logger,
  metrics = new Sn2Metrics(),
): Promise<RunningMetrics> {
  const detach = attachMetrics(events, metrics);
  let server: MetricsServer | null = null;
  try {
    if (settings.enabled)
      server = await startMetricsServer({ host: settings.host, port: settings.port, metrics, logger });
  } catch (err) {
    detach();
    throw err;
  }
  return {
    metrics,
    server,
    async close() {
      detach();
      await server?.close();
    },
  };
}
