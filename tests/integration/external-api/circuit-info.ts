import type { ExternalCircuitInfo } from '../../../core/validator/api/types.js';

/** A circuit as the external API lists it, with test defaults; `over` sets what a test cares about. */
export const circuitInfo = (id: string, over: Partial<ExternalCircuitInfo> = {}): ExternalCircuitInfo => ({
  id,
  name: 'c',
  description: '',
  author: '',
  version: '1',
  type: 'proof_of_computation',
  proof_system: 'CIRCOM',
  netuid: null,
  testnet_netuids: null,
  weights_version: null,
  input_schema: {},
  ...over,
});
