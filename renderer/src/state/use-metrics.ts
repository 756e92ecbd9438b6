import { useEffect } from 'react';
import type { MetricSnapshot } from '../../../core/contract/index.js';
import { useQuery } from './use-query.js';

export interface MetricsState {
  snapshot: MetricSnapshot[] | undefined;
  error: Error | undefined;
}

/** The core's metrics, re-read every `intervalMs` while the page is open (counters only grow). */
export function useMetrics(intervalMs = 5000): MetricsState {
  const query = useQuery('metrics.snapshot', {});
  const { reload } = query;
  useEffect(() => {
    const timer = setInterval(reload, intervalMs);
    return () => clearInterval(timer);
  }, [reload, intervalMs]);
  return { snapshot: query.data, error: query.error };
}
