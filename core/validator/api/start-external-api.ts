import type { ApiPromise } from '@polkadot/api';
import type { Logger } from '../../contract/logger.js';
import type { Settings } from '../../contract/index.js';
import type { ChainSigner } from '../../chain/signer.js';
import { errorMessage } from '../../util/errors.js';
import { ensureApiCertificate, type ApiCertificate } from './certificate.js';
import { commitCertificateFingerprint } from './certificate-commitment.js';
import { chainPermitSource } from './chain-permits.js';
import { ExternalApiServer, type ExternalApiServerOptions } from './server.js';
import type { CircuitCatalog, ExternalRequestSink } from './types.js';

export interface StartExternalApiArgs {
  settings: Settings['validator']['externalApi'];
  /** `dataPaths().cert`. */
  certDir: string;
  /** Certificate common name: the validator's external IP, as upstream. */
  externalIp: string;
  api: ApiPromise;
  hotkey: ChainSigner;
  netuid: number;
  testnet: boolean;
  sink: ExternalRequestSink;
  catalog: CircuitCatalog;
  logger: Logger;
  /** Overrides for tests (port 0, host, limits, key size). */
  overrides?: Partial<Pick<ExternalApiServerOptions, 'host' | 'port' | 'limits' | 'onRequest'>> & {
    keySize?: number;
  };
}

/**
 * Start the external API as the validator does: load or create the certificate, commit its fingerprint on
 * chain when it changed (a failed commit is logged, not fatal: clients can still pin it out of band), then
 * listen. The caller owns the returned server and closes it on shutdown.
 */
export async function startExternalApi(
  args: StartExternalApiArgs,
): Promise<{ server: ExternalApiServer; certificate: ApiCertificate; committed: boolean }> {
  const certificate = await ensureApiCertificate(args.certDir, {
    commonName: args.externalIp,
    keySize: args.overrides?.keySize,
  });
  let committed = false;
  try {
    committed = (
      await commitCertificateFingerprint(args.api, args.hotkey, args.netuid, certificate.fingerprint)
    ).submitted;
  } catch (err) {
    args.logger.error(
      { err: errorMessage(err) },
      'external api: could not commit the certificate fingerprint',
    );
  }
  const server = await ExternalApiServer.start({
    port: args.overrides?.port ?? args.settings.port,
    host: args.overrides?.host,
    tls: certificate,
    sink: args.sink,
    catalog: args.catalog,
    permits: chainPermitSource(args.api),
    whitelistedPublicKeys: args.settings.whitelistedPublicKeys,
    testnet: args.testnet,
    logger: args.logger,
    limits: args.overrides?.limits,
    onRequest: args.overrides?.onRequest,
  });
  return { server, certificate, committed };
}
