import { describe, expect, it } from 'vitest';
import { decideProtocol, type AxonEvidence } from '../../../core/protocols/decide-protocol.js';

const miner = (version: number): AxonEvidence => ({
  validatorPermit: false,
  axon: { ip: '203.0.113.5', port: 8091, version },
});
const validator = (version: number): AxonEvidence => ({
  validatorPermit: true,
  axon: { ip: '198.51.100.7', port: 8091, version },
});
const unserved: AxonEvidence = { validatorPermit: false, axon: null };

describe('decideProtocol (spec sn2-2026.md §1)', () => {
  it('practice is always v10', () => {
    const d = decideProtocol({ network: 'practice', netuid: 1, choice: '2026' });
    expect([d.protocol, d.source]).toEqual(['v10', 'practice']);
  });

  it('an explicit choice wins over the chain, and the evidence still shows', () => {
    const d = decideProtocol({
      network: 'finney',
      netuid: 2,
      choice: 'v10',
      evidence: { neurons: [miner(0), miner(0)] },
    });
    expect([d.protocol, d.source]).toEqual(['v10', 'override']);
    expect(d.evidence.join(' ')).toContain('2 of 2 served miners have axon version 0');
  });

  it('most served miners with version 0 → 2026; SDK versions → v10; validators and unserved axons do not count', () => {
    const d2026 = decideProtocol({
      network: 'custom',
      netuid: 2,
      choice: 'auto',
      evidence: {
        neurons: [miner(0), miner(0), miner(9009000), validator(9009000), validator(9009000), unserved],
      },
    });
    expect([d2026.protocol, d2026.source, d2026.servedMiners, d2026.versionZero]).toEqual([
      '2026',
      'chain',
      3,
      2,
    ]);
    const dv10 = decideProtocol({
      network: 'finney',
      netuid: 2,
      choice: 'auto',
      evidence: { neurons: [miner(9009000), miner(10002000), miner(0), validator(0), validator(0)] },
    });
    expect([dv10.protocol, dv10.source]).toEqual(['v10', 'chain']);
  });

  it('the weights version key decides when no miner is served', () => {
    const at = (key: bigint, network: 'local' | 'finney' = 'local') =>
      decideProtocol({
        network,
        netuid: 2,
        choice: 'auto',
        evidence: { neurons: [unserved], weightsVersionKey: key },
      });
    expect([at(11003n).protocol, at(11003n).source]).toEqual(['2026', 'chain']);
    expect([at(11002n, 'finney').protocol, at(11002n, 'finney').source]).toEqual(['v10', 'chain']);
    // A key that is no SN2 key (a fresh devnet's 0) is no evidence: the network's default applies.
    expect([at(0n).protocol, at(0n).source]).toEqual(['v10', 'default']);
    expect([at(0n, 'finney').protocol, at(0n, 'finney').source]).toEqual(['2026', 'default']);
  });

  it('without a chain: finney and test default to 2026, and the evidence says why', () => {
    const d = decideProtocol({
      network: 'test',
      netuid: 118,
      choice: 'auto',
      evidenceError: 'connection refused',
    });
    expect([d.protocol, d.source]).toEqual(['2026', 'default']);
    expect(d.evidence[0]).toBe('chain not read: connection refused');
  });
});
