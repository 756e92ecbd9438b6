import type { Command } from 'commander';
import { walletPaths } from '../bittensor/wallet/index.js';
import { NetworkSchema, type Network } from '../contract/settings.js';
import { defaultSn2Netuid } from '../sn2/constants.js';
import { UserError } from '../util/errors.js';

/**
 * The bittensor-style chain and wallet flags shared by `sn2 mine` and `sn2 validate`. Unset flags fall
 * back to the bittensor SDK's environment variables (BT_SUBTENSOR_NETWORK, BT_WALLET_NAME…), then to
 * its defaults.
 */
export interface NetworkFlags {
  'subtensor.network'?: string;
  'subtensor.chain_endpoint'?: string;
  netuid?: string;
  'wallet.name'?: string;
  'wallet.hotkey'?: string;
  'wallet.path'?: string;
}

export function addNetworkFlags(cmd: Command): Command {
  return cmd
    .option(
      '--subtensor.network <network>',
      'finney | test | local | a ws:// URL (default: $BT_SUBTENSOR_NETWORK or finney)',
    )
    .option(
      '--subtensor.chain_endpoint <url>',
      'chain endpoint, overrides the network preset (local: default $BT_SUBTENSOR_CHAIN_ENDPOINT)',
    )
    .option('--netuid <n>', 'subnet (default: 118 on test, else 2)')
    .option('--wallet.name <name>', 'wallet name (default: $BT_WALLET_NAME or "default")')
    .option('--wallet.hotkey <name>', 'hotkey name (default: $BT_WALLET_HOTKEY or "default")')
    .option('--wallet.path <dir>', 'wallets folder (default: $BT_WALLET_PATH or ~/.bittensor/wallets)');
}

/** Network, endpoint override and netuid from the flags, with a one-line error for bad values. */
export function networkFromFlags(
  o: NetworkFlags,
  env: NodeJS.ProcessEnv = process.env,
): {
  network: Network;
  chainEndpoint?: string;
  netuid: number;
} {
  const netArg = o['subtensor.network'] ?? env.BT_SUBTENSOR_NETWORK ?? 'finney';
  const isUrl = /^wss?:\/\//.test(netArg);
  const parsed = NetworkSchema.safeParse(isUrl ? 'custom' : netArg);
  if (!parsed.success || parsed.data === 'practice')
    throw new UserError(
      `--subtensor.network must be finney, test, local or a ws:// URL (got "${netArg}"); for practice run "sn2 practice"`,
    );
  const network = parsed.data;
  const netuid = o.netuid === undefined ? defaultSn2Netuid(network) : Number(o.netuid);
  if (!/^\d+$/.test(o.netuid ?? '0') || !Number.isInteger(netuid) || netuid > 65535)
    throw new UserError(`--netuid must be a subnet number from 0 to 65535, got "${o.netuid}"`);
  const chainEndpoint = o['subtensor.chain_endpoint'] ?? (isUrl ? netArg : undefined);
  if (chainEndpoint !== undefined && !/^wss?:\/\/\S+$/.test(chainEndpoint))
    throw new UserError(`--subtensor.chain_endpoint must be a ws:// or wss:// URL, got "${chainEndpoint}"`);
  return { network, ...(chainEndpoint ? { chainEndpoint } : {}), netuid };
}

/** The wallet the flags name (names checked: no "../"), with the SDK's environment defaults. */
export function walletFromFlags(o: NetworkFlags): { name: string; hotkey: string; path?: string } {
  const paths = walletPaths({ name: o['wallet.name'], hotkey: o['wallet.hotkey'], path: o['wallet.path'] });
  return {
    name: paths.name,
    hotkey: paths.hotkeyName,
    ...(o['wallet.path'] !== undefined ? { path: o['wallet.path'] } : {}),
  };
}
