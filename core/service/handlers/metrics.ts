import type { AreaFactory } from './types.js';
import { Sn2Metrics, attachMetrics } from '../metrics/sn2-metrics.js';

/**
 * The UI's metrics: one registry following the event stream for the life of the service. Process
 * metrics stay out (they are the `/metrics` endpoint's business, not a chart's).
 */
export const metricsHandlers: AreaFactory = (ctx) => {
  const metrics = new Sn2Metrics({ processMetrics: false });
  const detach = attachMetrics(ctx, metrics);
  return {
    handlers: {
      'metrics.snapshot': () => metrics.snapshot(),
    },
    dispose: detach,
  };
};
