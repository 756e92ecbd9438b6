import type { ApiPromise } from '@polkadot/api';
import type { Codec } from '@polkadot/types/types';
import { big, field, num } from './codec.js';
import { ChainError } from './errors.js';

/** The parts of `SubnetInfoRuntimeApi.get_dynamic_info` (subtensor.md §6) the economics use; amounts in rao. */
export interface DynamicInfo {
  netuid: number;
  tempo: number;
  /** Alpha in the subnet's pool (AMM reserve). */
  alphaInRao: bigint;
  /** TAO in the subnet's pool (AMM reserve). */
  taoInRao: bigint;
  /** Alpha emitted per block to the subnet's participants (owner, miners, validators). */
  alphaOutEmissionRao: bigint;
}

/** `get_dynamic_info(netuid)` at `blockHash` (default: best block); null when the subnet does not exist. */
export async function readDynamicInfo(
  api: ApiPromise,
  netuid: number,
  blockHash?: string,
): Promise<DynamicInfo | null> {
  if (!api.call.subnetInfoRuntimeApi?.getDynamicInfo)
    throw new ChainError(
      'this chain has no SubnetInfoRuntimeApi.get_dynamic_info (a pre-dynamic-TAO runtime?)',
    );
  const at = blockHash ? await api.at(blockHash) : api;
  const raw = (await at.call.subnetInfoRuntimeApi.getDynamicInfo(netuid)) as unknown as Codec & {
    isNone: boolean;
    unwrap(): Codec;
  };
  if (raw.isNone) return null;
  const info = raw.unwrap();
  return {
    netuid: num(field(info, 'netuid')),
    tempo: num(field(info, 'tempo')),
    alphaInRao: big(field(info, 'alphaIn')),
    taoInRao: big(field(info, 'taoIn')),
    alphaOutEmissionRao: big(field(info, 'alphaOutEmission')),
  };
}
