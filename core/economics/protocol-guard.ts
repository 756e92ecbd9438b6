import type { ApiPromise } from '@polkadot/api';
import type { ProtocolSupport } from '../contract/protocol.js';
import type { Network } from '../contract/settings.js';

/**
 * The seam for the 2026-protocol detection: given the chain and subnet, can this computer mine the
 * protocol the network speaks? `sn2 register` refuses when it answers `canMine: false`; without a
 * guard the figures say "protocol support: not checked yet".
 */
export type ProtocolGuard = (target: {
  api: ApiPromise;
  network: Network;
  endpoint: string;
  netuid: number;
}) => Promise<ProtocolSupport>;

/** One line for the figures: what the guard found, or that nothing checked. */
export function protocolSupportLine(support: ProtocolSupport | null): string {
  if (!support) return 'Protocol support: not checked yet (this build cannot detect the network’s protocol).';
  return `Protocol support (${support.protocol}): ${support.summary}`;
}
