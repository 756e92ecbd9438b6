import type { BurnSchedule } from '../chain/burn-schedule.js';

/** One neuron as the economics need it (from `get_neurons_lite`). */
export interface NeuronEarning {
  uid: number;
  hotkey: string;
  /** `emission`: alpha paid to this uid in the last epoch (rao ÷ 10^9). */
  emissionAlphaPerEpoch: number;
  /** u16 ÷ 65535: this uid's share of the miners' half in the last epoch. */
  incentive: number;
  validatorPermit: boolean;
}

/** Every chain value the economics use, read at one block (`read-snapshot.ts`); the formulas are pure over it. */
export interface EconomicsSnapshot {
  netuid: number;
  block: number;
  blockSeconds: number;
  blockSecondsBasis: string;
  tempo: number;
  /** DynamicInfo `alpha_in`, `tao_in`, `alpha_out_emission` (rao). */
  alphaInRao: bigint;
  taoInRao: bigint;
  alphaOutEmissionRao: bigint;
  /** SubnetOwnerCut ÷ 65535. */
  ownerCut: number;
  burnRao: bigint;
  burnSchedule: BurnSchedule;
  registrationAllowed: boolean;
  subnetworkN: number;
  maxAllowedUids: number;
  immunityPeriod: number;
  neurons: NeuronEarning[];
}
