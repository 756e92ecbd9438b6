import { Option, type Command } from 'commander';
import type { SettingsPatch } from '../../contract/index.js';
import { UserError, errorMessage } from '../../util/errors.js';
import { whitelistKeys } from './auth-headers.js';

/** What `addExternalApiOptions` adds to `opts()` (commander camel-cases the dotted names). */
export interface ExternalApiCliOptions {
  externalApi?: boolean;
  'externalApi.port'?: string;
  whitelistedPublicKeys?: string[];
  'prometheus.port'?: string;
  prometheus?: boolean;
  'prometheus.host'?: string;
  proofPublishing?: boolean;
  'proofPublishing.url'?: string;
}

/**
 * Upstream's validator switches for the external API, Prometheus and proof publishing
 * (`--external-api`, `--external-api.port`, `--whitelisted-public-keys`, `--prometheus.port`), plus
 * `--prometheus`, `--prometheus.host`, `--proof-publishing` and `--proof-publishing.url`.
 */
export function addExternalApiOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--external-api', 'serve the external proof API (HTTPS + JSON-RPC over WebSocket)'))
    .addOption(new Option('--external-api.port <port>', 'external API port (default 8443)'))
    .addOption(
      new Option(
        '--whitelisted-public-keys <keys...>',
        'hotkeys (ss58 or 0x public key) allowed to use the external API without a validator permit',
      ),
    )
    .addOption(
      new Option('--prometheus', 'serve Prometheus metrics (loopback only unless --prometheus.host)'),
    )
    .addOption(
      new Option('--prometheus.port <port>', 'Prometheus metrics port (default 9090); implies --prometheus'),
    )
    .addOption(new Option('--prometheus.host <host>', 'Prometheus bind address (default 127.0.0.1)'))
    .addOption(new Option('--proof-publishing', 'publish verified proofs to the proof-storage service'))
    .addOption(new Option('--proof-publishing.url <url>', 'proof-storage URL; implies --proof-publishing'));
}

const port = (flag: string, text: string): number => {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1025 || n > 65534)
    throw new UserError(`${flag} must be a port from 1025 to 65534`);
  return n;
};

/** Map the parsed switches to a settings patch (only what was given; the rest keeps its saved value). */
export function externalApiSettingsPatch(opts: ExternalApiCliOptions): SettingsPatch {
  const externalApi: NonNullable<NonNullable<SettingsPatch['validator']>['externalApi']> = {};
  if (opts.externalApi) externalApi.enabled = true;
  if (opts['externalApi.port'] !== undefined)
    externalApi.port = port('--external-api.port', opts['externalApi.port']);
  if (opts.whitelistedPublicKeys) {
    const keys = opts.whitelistedPublicKeys
      .flatMap((k) => k.split(','))
      .map((k) => k.trim())
      .filter(Boolean);
    try {
      whitelistKeys(keys);
    } catch (err) {
      throw new UserError(
        `--whitelisted-public-keys: not an ss58 address or public key (${errorMessage(err)})`,
      );
    }
    externalApi.whitelistedPublicKeys = keys;
  }
  const prometheus: NonNullable<NonNullable<SettingsPatch['validator']>['prometheus']> = {};
  if (opts.prometheus || opts['prometheus.port'] !== undefined) prometheus.enabled = true;
  if (opts['prometheus.port'] !== undefined)
    prometheus.port = port('--prometheus.port', opts['prometheus.port']);
  if (opts['prometheus.host'] !== undefined) prometheus.host = opts['prometheus.host'];
  const proofPublishing: NonNullable<NonNullable<SettingsPatch['validator']>['proofPublishing']> = {};
  if (opts.proofPublishing || opts['proofPublishing.url'] !== undefined) proofPublishing.enabled = true;
  if (opts['proofPublishing.url'] !== undefined) proofPublishing.url = opts['proofPublishing.url'];
  const validator: NonNullable<SettingsPatch['validator']> = {};
  if (Object.keys(externalApi).length) validator.externalApi = externalApi;
  if (Object.keys(prometheus).length) validator.prometheus = prometheus;
  if (Object.keys(proofPublishing).length) validator.proofPublishing = proofPublishing;
  return Object.keys(validator).length ? { validator } : {};
}
