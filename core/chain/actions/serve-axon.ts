import type { ApiPromise } from '@polkadot/api';
import { Option } from '@polkadot/types';
import { num } from '../codec.js';
import { PreflightError } from '../errors.js';
import { assertServableAddress, ipToInt } from '../ip.js';
import { decodeAxon, type AxonEndpoint } from '../metagraph.js';
import { submitExtrinsic, type SubmitOptions } from '../submit.js';
import type { ChainSigner } from '../signer.js';

/** SDK `version_as_int` for bittensor 9.9.0, what it announces in serve_axon. */
export const SDK_VERSION_AS_INT = 9009000;

export interface ServeAxonArgs {
  netuid: number;
  hotkey: ChainSigner;
  /** Public IP to announce (resolve it with `resolveExternalIp`). */
  ip: string;
  port: number;
  protocol?: number;
  version?: number;
}

export interface ServeAxonResult {
  /** false when the chain already had exactly this axon (nothing sent). */
  submitted: boolean;
  axon: AxonEndpoint;
  block?: number;
}

export async function readAxon(
  api: ApiPromise,
  netuid: number,
  hotkey: string,
): Promise<AxonEndpoint | null> {
  const stored = await api.query.subtensorModule.axons(netuid, hotkey);
  if (stored instanceof Option) return stored.isSome ? decodeAxon(stored.unwrap()) : null;
  return decodeAxon(stored);
}

/**
 * `serve_axon`, only when the stored axon differs. Everything the chain would reject (address, port,
 * unregistered hotkey, serving rate limit) is refused here first with the same error name.
 */
export async function serveAxon(
  api: ApiPromise,
  args: ServeAxonArgs,
  options: SubmitOptions = {},
): Promise<ServeAxonResult> {
  const { ip, ipType } = ipToInt(args.ip);
  assertServableAddress(ip, ipType, args.port);
  const protocol = args.protocol ?? 4;
  const version = args.version ?? SDK_VERSION_AS_INT;
  const q = api.query.subtensorModule;
  const [uid, current, rateLimit, header] = await Promise.all([
    q.uids(args.netuid, args.hotkey.address),
    readAxon(api, args.netuid, args.hotkey.address),
    q.servingRateLimit(args.netuid),
    api.rpc.chain.getHeader(),
  ]);
  if (uid.isEmpty) {
    throw new PreflightError(
      'HotKeyNotRegisteredInNetwork',
      `hotkey ${args.hotkey.address} is not registered on netuid ${args.netuid}`,
    );
  }
  const wanted = { ip: args.ip, port: args.port, ipType, protocol, version };
  if (
    current &&
    ipToInt(current.ip).ip === ip &&
    current.port === wanted.port &&
    current.ipType === ipType &&
    current.protocol === protocol &&
    current.version === version
  ) {
    return { submitted: false, axon: current };
  }
  const limit = num(rateLimit);
  const block = header.number.toNumber();
  if (current && limit > 0 && block - current.block < limit) {
    throw new PreflightError(
      'ServingRateLimitExceeded',
      `the axon was updated at block ${current.block}; the subnet allows one update every ${limit} blocks (wait ${limit - (block - current.block)} more)`,
    );
  }
  const tx = api.tx.subtensorModule.serveAxon(args.netuid, version, ip, args.port, ipType, protocol, 0, 0);
  const inclusion = await submitExtrinsic(api, tx, args.hotkey, options);
  const stored = await readAxon(api, args.netuid, args.hotkey.address);
  return {
    submitted: true,
    axon: stored ?? { ...wanted, ip: args.ip, block: inclusion.blockNumber },
    block: inclusion.blockNumber,
  };
}
