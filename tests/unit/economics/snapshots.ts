import type { EconomicsSnapshot, NeuronEarning } from '../../../core/economics/index.js';

const neuron = (
  uid: number,
  emissionAlphaPerEpoch: number,
  validatorPermit = false,
  incentive = validatorPermit ? 0 : emissionAlphaPerEpoch / 100,
): NeuronEarning => ({
  uid,
  hotkey: `hot-${uid}`,
  emissionAlphaPerEpoch,
  incentive,
  validatorPermit,
});

/**
 * A mainnet-shaped subnet: 12 s blocks, tempo 360 (20 epochs a day), price 0.05 TAO/alpha, 1 alpha per
 * block, 18 % owner cut, 1 TAO burn, a validator and 10 miners of which 2 earn nothing.
 */
export function mainnetLike(overrides: Partial<EconomicsSnapshot> = {}): EconomicsSnapshot {
  return {
    netuid: 2,
    block: 1_000_000,
    blockSeconds: 12,
    blockSecondsBasis: 'AuraApi.slot_duration',
    tempo: 359,
    alphaInRao: 2_000_000n * 10n ** 9n,
    taoInRao: 100_000n * 10n ** 9n,
    alphaOutEmissionRao: 10n ** 9n,
    ownerCut: 0.18,
    burnRao: 10n ** 9n,
    burnSchedule: {
      kind: 'interval',
      minBurnRao: 5n * 10n ** 8n,
      maxBurnRao: 100n * 10n ** 9n,
      adjustmentInterval: 360,
      targetRegistrationsPerInterval: 2,
      registrationsThisInterval: 1,
    },
    registrationAllowed: true,
    subnetworkN: 11,
    maxAllowedUids: 256,
    immunityPeriod: 5000,
    neurons: [
      neuron(0, 50, true),
      neuron(1, 0),
      neuron(2, 0),
      neuron(3, 0.5),
      neuron(4, 1),
      neuron(5, 1.5),
      neuron(6, 2),
      neuron(7, 2.5),
      neuron(8, 3),
      neuron(9, 4),
      neuron(10, 6),
    ],
    ...overrides,
  };
}

export { neuron };
