import { describe, expect, it } from 'vitest';
import { parseSynapse, toHeaders, EMPTY_BODY_HASH, fromPlain } from '../../../core/bittensor/wire/index.js';
import {
  Competition,
  ProofOfWeightsSynapse,
  QueryForCapacities,
  QueryZkProof,
} from '../../../core/sn2/transport/v10-synapses.js';

const inputHeaders = (h: Array<[string, string]>) => h.filter(([k]) => k.startsWith('bt_header_input_obj_'));

describe('SN2 synapse definitions (§3)', () => {
  it('ProofOfWeightsSynapse sends the four empty-value headers of §3.3 and the constant body hash', () => {
    const s = parseSynapse(ProofOfWeightsSynapse, {
      verification_key_hash: 'ab',
      inputs: fromPlain({ x: [1, 2] }),
      proof: '',
      public_signals: '',
      proof_system: 'ezkl',
    });
    expect(s.proof_system).toBe('EZKL');
    expect(s.subnet_uid).toBe(2);
    const h = toHeaders(ProofOfWeightsSynapse, s);
    expect(inputHeaders(h)).toEqual([
      ['bt_header_input_obj_verification_key_hash', 'IiI='],
      ['bt_header_input_obj_inputs', 'e30='],
      ['bt_header_input_obj_proof', 'IiI='],
      ['bt_header_input_obj_public_signals', 'IiI='],
    ]);
    expect(Object.fromEntries(h).computed_body_hash).toBe(EMPTY_BODY_HASH);
  });

  it('Competition sends id/hash/file_name headers; QueryZkProof and capacities none', () => {
    const c = parseSynapse(Competition, { id: 1, hash: 'h', file_name: 'commitment' });
    expect(inputHeaders(toHeaders(Competition, c))).toEqual([
      ['bt_header_input_obj_id', 'MA=='],
      ['bt_header_input_obj_hash', 'IiI='],
      ['bt_header_input_obj_file_name', 'IiI='],
    ]);
    expect(inputHeaders(toHeaders(QueryZkProof, parseSynapse(QueryZkProof, {})))).toEqual([]);
    expect(inputHeaders(toHeaders(QueryForCapacities, parseSynapse(QueryForCapacities, {})))).toEqual([]);
  });
});
