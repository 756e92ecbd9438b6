import type { Command } from 'commander';
import { NetworkSchema, type Network } from '../service/contract/settings.js';
import { defaultSn2Netuid } from '../sn2/constants.js';
import { UserError } from '../util/errors.js';

/** The bittensor-style chain and wallet flags shared by `sn2 mine` and `sn2 validate`. */
export interface NetworkFlags {
  'subtensor.network': string;
  'subtensor.chain_endpoint'?: string;
  netuid?: string;
  'wallet.name': string;
  'wallet.hotkey': string;
  'wallet.path'?: string;
}

export function addNetworkFlags(cmd: Command): Command {
  return cmd
    .option('--subtensor.network <network>', 'finney | test | local | a ws:// URL', 'finney')
    .option('--subtensor.chain_endpoint <url>', 'chain endpoint (overrides the network preset)')
    .option('--netuid <n>', 'subnet (default 2 on finney, 118 on test)')
    .option('--wallet.name <name>', 'wallet name', 'default')
    .option('--wallet.hotkey <name>', 'hotkey name', 'default')
    .option('--wallet.path <path>', 'wallets folder (default ~/.bittensor/wallets)');
}

/** Network, endpoint override and netuid from the flags, with a one-line error for bad values. */
export function networkFromFlags(o: NetworkFlags): {
  network: Network;
  chainEndpoint?: string;
  netuid: number;
} {
  const netArg = o['subtensor.network'];
  const isUrl = /^wss?:\/\//.test(netArg);
  const parsed = NetworkSchema.safeParse(isUrl ? 'custom' : netArg);
  if (!parsed.success || parsed.data === 'practice')
    throw new UserError(
      `--subtensor.network must be finney, test, local or a ws:// URL (got "${netArg}"); for practice run "sn2 practice"`,
    );
  const network = parsed.data;
  const netuid = o.netuid === undefined ? defaultSn2Netuid(network) : Number(o.netuid);
  if (!Number.isInteger(netuid) || netuid < 0 || netuid > 65535)
    throw new UserError('--netuid must be a subnet number');
  const chainEndpoint = o['subtensor.chain_endpoint'] ?? (isUrl ? netArg : undefined);
  return { network, ...(chainEndpoint ? { chainEndpoint } : {}), netuid };
}
