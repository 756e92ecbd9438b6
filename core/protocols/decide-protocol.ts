import type { Network, ProtocolChoice, ProtocolDecision } from '../contract/index.js';

/** The 2026 validator sets weights with this key; the chain then refuses the Python era's 11002 (spec §1). */
export const WEIGHTS_VERSION_2026 = 11003n;
export const WEIGHTS_VERSION_V10 = 11002n;

/** One neuron's axon as the chain shows it; `null` when never served. */
export interface AxonEvidence {
  validatorPermit: boolean;
  axon: { ip: string; port: number; version: number } | null;
}

export interface ProtocolEvidence {
  neurons: AxonEvidence[];
  /** `WeightsVersionKey(netuid)`; undefined when it could not be read. */
  weightsVersionKey?: bigint;
}

export interface DecideProtocolInput {
  network: Network;
  netuid: number;
  choice: ProtocolChoice;
  /** Undefined when no chain was read (an override, practice, or the chain is unreachable). */
  evidence?: ProtocolEvidence;
  /** Why there is no evidence, when there is none. */
  evidenceError?: string;
}

/**
 * Which protocol a network speaks (spec sn2-2026.md §1, decision rule): practice is always v10 (our own
 * devnet and neurons); an explicit choice wins; otherwise the majority of served miners' axon versions
 * (0 = the Rust `serve_axon`, an SDK int ≥ 1 000 000 = Python), cross-checked with the weights version key.
 * Without either signal: finney and test speak 2026 (spec §1: the newest validator client is QUIC-only, so
 * a v10 axon there is never queried); a local or custom chain runs whatever the user deployed, v10 by default.
 */
export function decideProtocol(input: DecideProtocolInput): ProtocolDecision {
  const { network, netuid } = input;
  const base = { network, netuid, servedMiners: 0, versionZero: 0 };
  if (network === 'practice')
    return {
      ...base,
      protocol: 'v10',
      source: 'practice',
      evidence: ['Practice runs the app’s own v10 devnet and validator'],
    };
  const evidence: string[] = [];
  if (input.choice !== 'auto')
    evidence.push(`protocol set to ${input.choice} in Settings (mining.protocol) or by --protocol`);
  const served = (input.evidence?.neurons ?? []).filter(
    (n) => !n.validatorPermit && n.axon !== null && n.axon.ip !== '0.0.0.0' && n.axon.port !== 0,
  );
  const versionZero = served.filter((n) => n.axon?.version === 0).length;
  const sdk = served.length - versionZero;
  const key = input.evidence?.weightsVersionKey;
  if (!input.evidence) evidence.push(`chain not read: ${input.evidenceError ?? 'no chain connection'}`);
  else {
    evidence.push(
      served.length === 0
        ? `no miner on netuid ${netuid} has served an axon yet`
        : `${versionZero} of ${served.length} served miners have axon version 0 (the Rust sn2-miner); ${sdk} carry a bittensor SDK version (Python v10/v11)`,
    );
    if (key !== undefined)
      evidence.push(
        key >= WEIGHTS_VERSION_2026
          ? `WeightsVersionKey ${key} ≥ ${WEIGHTS_VERSION_2026}: only 2026 validators can set weights`
          : key === WEIGHTS_VERSION_V10
            ? `WeightsVersionKey ${key}: the Python validators' key`
            : `WeightsVersionKey ${key}: not an SN2 key, no evidence either way`,
      );
  }
  const result = (protocol: ProtocolDecision['protocol'], source: ProtocolDecision['source']) => ({
    ...base,
    servedMiners: served.length,
    versionZero,
    weightsVersionKey: key?.toString(),
    protocol,
    source,
    evidence,
  });
  if (input.choice !== 'auto') return result(input.choice, 'override');
  if (served.length > 0 && versionZero * 2 !== served.length)
    return result(versionZero * 2 > served.length ? '2026' : 'v10', 'chain');
  if (key !== undefined && key >= WEIGHTS_VERSION_2026) return result('2026', 'chain');
  if (key === WEIGHTS_VERSION_V10) return result('v10', 'chain');
  const fallback = network === 'finney' || network === 'test' ? '2026' : 'v10';
  evidence.push(
    fallback === '2026'
      ? `no deciding evidence on chain: ${network} speaks 2026 today (its validators reach miners only over QUIC)`
      : `no deciding evidence on chain: a ${network} chain runs what its owner deployed; v10 assumed (set mining.protocol to override)`,
  );
  return result(fallback, 'default');
}
