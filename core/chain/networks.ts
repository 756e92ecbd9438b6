import { DEFAULT_NETUID, type Network } from '../contract/settings.js';
import { UserError } from '../util/errors.js';

export interface NetworkPreset {
  network: Network;
  label: string;
  /** null: needs an endpoint from the user (custom) or is started locally (practice). */
  endpoint: string | null;
  netuid: number;
}

/** Endpoints as the SDK knows them (spec §1). */
export const NETWORK_PRESETS: readonly NetworkPreset[] = [
  {
    network: 'finney',
    label: 'Mainnet (finney)',
    endpoint: 'wss://entrypoint-finney.opentensor.ai:443',
    netuid: DEFAULT_NETUID.finney,
  },
  {
    network: 'test',
    label: 'Testnet',
    endpoint: 'wss://test.finney.opentensor.ai:443',
    netuid: DEFAULT_NETUID.test,
  },
  { network: 'local', label: 'Local node', endpoint: 'ws://127.0.0.1:9944', netuid: DEFAULT_NETUID.local },
  {
    network: 'practice',
    label: 'Practice (built-in devnet)',
    endpoint: null,
    netuid: DEFAULT_NETUID.practice,
  },
  { network: 'custom', label: 'Custom endpoint', endpoint: null, netuid: DEFAULT_NETUID.custom },
];

/**
 * The endpoint for a network: an explicit `--subtensor.chain_endpoint` wins, then
 * $BT_SUBTENSOR_CHAIN_ENDPOINT for `local` (as the SDK), then the preset.
 */
export function resolveEndpoint(
  network: Network,
  override?: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (override) {
    if (!/^wss?:\/\/\S+$/.test(override))
      throw new UserError(`chain endpoint "${override}" must be a ws:// or wss:// URL`);
    return override;
  }
  if (network === 'local' && env.BT_SUBTENSOR_CHAIN_ENDPOINT) return env.BT_SUBTENSOR_CHAIN_ENDPOINT;
  const preset = NETWORK_PRESETS.find((p) => p.network === network);
  if (!preset?.endpoint) {
    throw new UserError(
      network === 'custom'
        ? 'network "custom" needs an endpoint (--subtensor.chain_endpoint ws://…)'
        : `network "${network}" runs a local devnet: start it with "sn2 devnet" and use its endpoint`,
    );
  }
  return preset.endpoint;
}
