import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  selectProofOfWeightsCircuit,
} from '../../../core/validator/api/circuit-selection.js';
import { circuitCatalog, type ListedCircuit } from '../../../core/validator/api/circuit-catalog.js';
import type { ExternalCircuitInfo } from '../../../core/validator/api/types.js';

const pow = (
  id: string,
  netuid: number | string,
  version: string,
  weights: number | null,
): ExternalCircuitInfo => ({
  id,
  name: id,
  description: '',
  author: '',
  version,
  type: 'proof_of_weights',
  proof_system: 'EZKL',
  netuid,
  testnet_netuids: null,
  weights_version: weights,
  input_schema: {},
});

const circuits = [
  pow('sn27-old', 27, '0.0.9', 160),
  pow('sn27-new', 27, '0.0.10', 161),
  pow('sn48', 48, '0.0.4', 0),
  pow('sn2-string', '2', '0.0.7', null),
];

describe('proof_of_weights circuit choice (spec §11)', () => {
  it('picks the exact weights_version, else the highest version (numeric, 0.0.10 > 0.0.9)', () => {
    expect(selectProofOfWeightsCircuit(circuits, 27, 160, false)?.id).toBe('sn27-old');
    expect(selectProofOfWeightsCircuit(circuits, 27, 999, false)?.id).toBe('sn27-new');
    expect(selectProofOfWeightsCircuit(circuits, 27, undefined, false)?.id).toBe('sn27-new');
    expect(compareVersions('0.0.10', '0.0.9')).toBeGreaterThan(0);
  });

  it('maps testnet netuids to mainnet ones on testnet only', () => {
    expect(selectProofOfWeightsCircuit(circuits, 15, undefined, true)?.id).toBe('sn27-new');
    expect(selectProofOfWeightsCircuit(circuits, 208, 0, true)?.id).toBe('sn48');
    expect(selectProofOfWeightsCircuit(circuits, 15, undefined, false)).toBeUndefined();
  });

  it('never matches a metadata netuid stored as a string (upstream quirk)', () => {
    expect(selectProofOfWeightsCircuit(circuits, 2, undefined, false)).toBeUndefined();
  });
});

describe('circuitCatalog', () => {
  it('lists store circuits in the GET /circuits shape with their input schema', async () => {
    const listed: ListedCircuit[] = [
      {
        id: 'x'.repeat(64),
        metadata: {
          name: 'SN48 PoW',
          description: 'd',
          author: 'a',
          version: '0.0.4',
          proof_system: 'EZKL',
          type: 'proof_of_weights',
          netuid: 48,
          weights_version: 0,
        },
        timeoutMs: 60_000,
      },
      {
        id: 'y'.repeat(64),
        metadata: {
          name: 'LSTM',
          description: 'd',
          author: 'a',
          version: '0.0.7',
          proof_system: 'EZKL',
          type: 'proof_of_computation',
        },
        timeoutMs: 30_000,
      },
    ];
    const schema = { type: 'object', properties: { list_items: { type: 'array' } } };
    const catalog = circuitCatalog({ list: () => listed }, (id) =>
      id === 'y'.repeat(64) ? schema : undefined,
    );
    const [a, b] = await catalog.list();
    expect(a).toMatchObject({
      netuid: 48,
      testnet_netuids: [208],
      weights_version: 0,
      input_schema: { type: 'object' },
      timeout_s: 60,
    });
    expect(b).toMatchObject({
      netuid: null,
      testnet_netuids: null,
      weights_version: null,
      input_schema: schema,
      timeout_s: 30,
    });
  });
});
