import { ChainClient } from '../../chain/client.js';
import { resolveEndpoint } from '../../chain/networks.js';
import {
  DEFAULT_NETUID,
  type Network,
  type ProtocolChoice,
  type ProtocolDecision,
} from '../../contract/index.js';
import { decideProtocol, type ProtocolEvidence } from '../../protocols/decide-protocol.js';
import { readProtocolEvidence } from '../../protocols/read-protocol-evidence.js';
import { errorMessage } from '../../util/errors.js';

export interface ProtocolQuery {
  network: Network;
  netuid?: number;
  chainEndpoint?: string;
  choice: ProtocolChoice;
  /** Read the chain even when the choice is explicit (to show the evidence); default: only for `auto`. */
  readChain?: boolean;
}

/**
 * Which protocol the network speaks, with the evidence (spec sn2-2026.md §1). The chain is read through the
 * endpoint the settings name, so "Mainnet" pointed at a local devnet (as the tests do) is judged by what
 * that chain shows; an unreachable chain is evidence of nothing and the network's default applies.
 */
export async function detectProtocol(q: ProtocolQuery): Promise<ProtocolDecision> {
  const netuid = q.netuid ?? DEFAULT_NETUID[q.network];
  if (q.network === 'practice' || (q.choice !== 'auto' && !q.readChain))
    return decideProtocol({
      network: q.network,
      netuid,
      choice: q.choice,
      evidenceError: 'an explicit protocol needs no chain evidence',
    });
  let evidence: ProtocolEvidence | undefined;
  let evidenceError: string | undefined;
  let client: ChainClient | undefined;
  try {
    client = await ChainClient.connect(resolveEndpoint(q.network, q.chainEndpoint), {
      connectTimeoutMs: 10_000,
      healthIntervalMs: 0,
    });
    evidence = await readProtocolEvidence(client.api, netuid);
  } catch (err) {
    evidenceError = errorMessage(err);
  } finally {
    await client?.close().catch(() => undefined);
  }
  return decideProtocol({ network: q.network, netuid, choice: q.choice, evidence, evidenceError });
}
