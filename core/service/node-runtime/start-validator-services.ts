import type { ApiPromise } from '@polkadot/api';
import type { Settings, CoreEvent } from '../../contract/index.js';
import type { Logger } from '../../contract/logger.js';
import type { Sr25519Signer } from '../../bittensor/signer.js';
import { chainSignerFromKey } from '../../chain/signer.js';
import { startMetrics, type RunningMetrics } from '../metrics/start-metrics.js';
import { ProofPublisher } from '../../validator/publishing/proof-publisher.js';
import { proofStorageUrl } from '../../validator/publishing/publish-url.js';
import { startExternalApi } from '../../validator/api/start-external-api.js';
import type { ExternalApiServer } from '../../validator/api/server.js';
import type { CircuitCatalog, ExternalRequestSink } from '../../validator/api/types.js';

export interface ValidatorServicesArgs {
  settings: Settings;
  /** `dataPaths().cert`. */
  certDir: string;
  externalIp: string;
  api: ApiPromise;
  hotkey: Sr25519Signer;
  netuid: number;
  /** The validator's real-world request queue (`Validator.external`). */
  queue: ExternalRequestSink & { readonly length: number };
  catalog: CircuitCatalog;
  events: { onEvent(listener: (event: CoreEvent) => void): () => void };
  logger: Logger;
}

export interface ValidatorServices {
  metrics: RunningMetrics;
  externalApi: ExternalApiServer | null;
  /** Null when proof publishing is off; the validator hands it each verified real-world proof. */
  publisher: ProofPublisher | null;
  close(): Promise<void>;
}

/**
 * Everything optional around a running validator, each per its settings: metrics (always fed, endpoint
 * when enabled), the external API (when enabled; fingerprint committed with the hotkey) and the proof
 * publisher (when enabled). Close it before the validator stops.
 */
export async function startValidatorServices(a: ValidatorServicesArgs): Promise<ValidatorServices> {
  const v = a.settings.validator;
  const metrics = await startMetrics(v.prometheus, a.events, a.logger);
  const untrackQueue = metrics.metrics.trackQueue('external_requests', () => a.queue.length);
  let externalApi: ExternalApiServer | null = null;
  let publisher: ProofPublisher | null = null;
  try {
    if (v.externalApi.enabled) {
      externalApi = (
        await startExternalApi({
          settings: v.externalApi,
          certDir: a.certDir,
          externalIp: a.externalIp,
          api: a.api,
          hotkey: chainSignerFromKey(a.hotkey, a.api.registry),
          netuid: a.netuid,
          testnet: a.settings.network === 'test',
          sink: a.queue,
          catalog: a.catalog,
          logger: a.logger,
          overrides: { onRequest: metrics.metrics.recordApiRequest },
        })
      ).server;
      const api = externalApi;
      metrics.metrics.trackQueue('external_api_pending', () => api.pendingRequests);
    }
    if (v.proofPublishing.enabled) {
      publisher = new ProofPublisher({
        url: proofStorageUrl(a.settings.network, v.proofPublishing.url),
        signer: a.hotkey,
        logger: a.logger,
      });
    }
  } catch (err) {
    untrackQueue();
    await externalApi?.close();
    await metrics.close();
    throw err;
  }
  return {
    metrics,
    externalApi,
    publisher,
    async close() {
      await publisher?.close();
      await externalApi?.close();
      untrackQueue();
      await metrics.close();
    },
  };
}
