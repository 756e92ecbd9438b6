import type { ApiPromise } from '@polkadot/api';
import type { Codec } from '@polkadot/types/types';
import { big, bool, field, num, str, vec } from './codec.js';
import { intToIp } from './ip.js';
import { raoToTao } from './units.js';
import { readHyperparams, type SubnetHyperparams } from './hyperparams.js';
import { ChainError } from './errors.js';

export interface AxonEndpoint {
  ip: string;
  port: number;
  ipType: number;
  protocol: number;
  version: number;
  /** Block of the last serve_axon. */
  block: number;
}

export interface Neuron {
  uid: number;
  hotkey: string;
  coldkey: string;
  active: boolean;
  /** Sum of the stake list, rao (alpha on dynamic-TAO runtimes). */
  stakeRao: bigint;
  stake: number;
  /** u16 scores scaled to [0, 1], as the SDK does. */
  rank: number;
  trust: number;
  consensus: number;
  incentive: number;
  dividends: number;
  validatorTrust: number;
  /** rao per tempo → TAO. */
  emission: number;
  lastUpdate: number;
  validatorPermit: boolean;
  pruningScore: number;
  /** null when not serving (ip 0). */
  axon: AxonEndpoint | null;
}

export interface Metagraph {
  netuid: number;
  block: number;
  blockHash: string;
  neurons: Neuron[];
  hyperparams: SubnetHyperparams;
}

const U16 = 65535;

export function decodeAxon(axon: Codec): AxonEndpoint | null {
  const ip = big(field(axon, 'ip'));
  if (ip === 0n) return null;
  return {
    ip: intToIp(ip),
    port: num(field(axon, 'port')),
    ipType: num(field(axon, 'ipType')),
    protocol: num(field(axon, 'protocol')),
    version: num(field(axon, 'version')),
    block: num(field(axon, 'block')),
  };
}

export function decodeNeuronLite(n: Codec): Neuron {
  const score = (key: string) => num(field(n, key)) / U16;
  const stakeRao = vec(field(n, 'stake')).reduce((sum, entry) => sum + big(vec(entry)[1]), 0n);
  return {
    uid: num(field(n, 'uid')),
    hotkey: str(field(n, 'hotkey')),
    coldkey: str(field(n, 'coldkey')),
    active: bool(field(n, 'active')),
    stakeRao,
    stake: raoToTao(stakeRao),
    rank: score('rank'),
    trust: score('trust'),
    consensus: score('consensus'),
    incentive: score('incentive'),
    dividends: score('dividends'),
    validatorTrust: score('validatorTrust'),
    emission: raoToTao(big(field(n, 'emission'))),
    lastUpdate: num(field(n, 'lastUpdate')),
    validatorPermit: bool(field(n, 'validatorPermit')),
    pruningScore: num(field(n, 'pruningScore')),
    axon: decodeAxon(field(n, 'axonInfo')),
  };
}

/** Neurons of a subnet through `NeuronInfoRuntimeApi.get_neurons_lite`, plus hyperparameters, at one block. */
export async function fetchMetagraph(api: ApiPromise, netuid: number): Promise<Metagraph> {
  const header = await api.rpc.chain.getHeader();
  const blockHash = header.hash.toHex();
  const at = await api.at(blockHash);
  const runtimeApi = api.call.neuronInfoRuntimeApi;
  if (!runtimeApi?.getNeuronsLite)
    throw new ChainError('this chain has no NeuronInfoRuntimeApi (not a subtensor runtime?)');
  const [raw, hyperparams] = await Promise.all([
    at.call.neuronInfoRuntimeApi.getNeuronsLite(netuid),
    readHyperparams(api, netuid, blockHash),
  ]);
  if (!hyperparams.exists) throw new ChainError(`subnet ${netuid} does not exist on this chain`);
  return {
    netuid,
    block: header.number.toNumber(),
    blockHash,
    neurons: vec(raw)
      .map(decodeNeuronLite)
      .sort((a, b) => a.uid - b.uid),
    hyperparams,
  };
}
