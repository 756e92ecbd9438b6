import type { Network } from '../../contract/index.js';
import type { EngineHelp } from '../install/probe-binary.js';

/** The app's settings, as the engine needs them. */
export interface EngineLaunchConfig {
  network: Exclude<Network, 'practice'>;
  /** An explicit chain endpoint (custom network, or an override); passed as --subtensor-chain-endpoint. */
  endpoint?: string;
  netuid: number;
  /** The dedicated wallet folder holding only the hotkey (see engine-wallet.ts). */
  walletPath: string;
  walletName: string;
  walletHotkey: string;
  port: number;
  externalIp?: string;
  circuitCacheDir: string;
  logLevel: 'error' | 'warn' | 'info' | 'debug';
}

export class EngineConfigError extends Error {
  override readonly name = 'EngineConfigError';
}

/** `--network` values the engine knows (spec §2.5); custom chains go by endpoint only. */
const NETWORK_ARG: Record<EngineLaunchConfig['network'], string | undefined> = {
  finney: 'finney',
  test: 'test',
  local: 'local',
  custom: undefined,
};

/**
 * The one mapping from our settings to `sn2-miner` flags (spec sn2-2026.md §2.5). `required` flags must be
 * in the binary's --help or the launch is refused; optional ones are left out when the help lacks them,
 * so the binary is never given a flag it rejects (clap exits 2).
 */
const MAPPING: ReadonlyArray<{
  flag: string;
  required: boolean;
  value: (c: EngineLaunchConfig) => string | boolean | undefined;
}> = [
  // Always: the app verifies and swaps binaries itself (§2.4).
  { flag: '--no-auto-update', required: true, value: () => true },
  { flag: '--netuid', required: true, value: (c) => String(c.netuid) },
  { flag: '--network', required: false, value: (c) => NETWORK_ARG[c.network] },
  { flag: '--subtensor-chain-endpoint', required: true, value: (c) => c.endpoint },
  { flag: '--wallet-path', required: true, value: (c) => c.walletPath },
  { flag: '--wallet-name', required: true, value: (c) => c.walletName },
  { flag: '--wallet-hotkey', required: true, value: (c) => c.walletHotkey },
  { flag: '--axon-port', required: true, value: (c) => String(c.port) },
  { flag: '--external-ip', required: true, value: (c) => c.externalIp },
  { flag: '--circuit-cache-dir', required: false, value: (c) => c.circuitCacheDir },
  { flag: '--log-level', required: false, value: (c) => c.logLevel },
];

export function buildEngineArgs(config: EngineLaunchConfig, help: EngineHelp): string[] {
  if (config.network === 'custom' && !config.endpoint)
    throw new EngineConfigError(
      'network "custom" needs a chain endpoint (Settings → Network, or --subtensor.chain_endpoint)',
    );
  if (config.externalIp !== undefined && !/^\d{1,3}(\.\d{1,3}){3}$/.test(config.externalIp))
    throw new EngineConfigError(
      `external IP "${config.externalIp}" must be an IPv4 address: the 2026 protocol publishes IPv4 only`,
    );
  const args: string[] = [];
  for (const m of MAPPING) {
    const value = m.value(config);
    if (value === undefined || value === false) continue;
    if (!help.flags.has(m.flag)) {
      if (m.required)
        throw new EngineConfigError(
          `this sn2-miner does not accept ${m.flag}, which the app needs: install a current release (sn2 engine install)`,
        );
      continue;
    }
    args.push(m.flag);
    if (value !== true) args.push(value);
  }
  return args;
}

/**
 * The engine's environment: colours off (they are emitted even into a pipe, §3.1), the circuit cache also by
 * env (for binaries whose help lacks the flag), and RUST_LOG set so that btlightning names the validator of
 * each request (`Processing … synapse from …`, §2.9); RUST_LOG replaces --log-level, so it carries the level.
 */
export function engineEnv(
  config: EngineLaunchConfig,
  base: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const rustLog =
    config.logLevel === 'debug'
      ? 'debug,gkr=warn'
      : `${config.logLevel},btlightning::server::dispatch=debug,gkr=warn`;
  return { ...base, NO_COLOR: '1', RUST_LOG: rustLog, SN2_CIRCUIT_CACHE_DIR: config.circuitCacheDir };
}
