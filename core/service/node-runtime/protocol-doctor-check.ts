import type { Metagraph } from '../../chain/metagraph.js';
import type { Settings } from '../../contract/index.js';
import { assessProtocolSupport } from '../../engines/protocol-support.js';
import { locateEngine } from '../../engines/run/locate-engine.js';
import { decideProtocol } from '../../protocols/decide-protocol.js';
import { errorMessage } from '../../util/errors.js';
import type { DoctorCheck } from './doctor-checks.js';

/**
 * doctor `protocol`: which protocol the network speaks (from the metagraph the doctor already read, spec
 * sn2-2026.md §1) and whether this computer can mine it (engine build for this OS/arch, binary present).
 */
export async function protocolCheck(
  settings: Settings,
  netuid: number,
  dataRoot: string,
  meta: Metagraph | undefined,
  metaError: string,
): Promise<DoctorCheck> {
  const decision = decideProtocol({
    network: settings.network,
    netuid,
    choice: settings.mining.protocol,
    evidence: meta && {
      neurons: meta.neurons.map((n) => ({ validatorPermit: n.validatorPermit, axon: n.axon })),
      weightsVersionKey: meta.hyperparams.weightsVersionKey,
    },
    evidenceError: metaError,
  });
  let enginePath: string | undefined;
  let engineProblem: string | undefined;
  try {
    enginePath = (await locateEngine(dataRoot)).path;
  } catch (err) {
    engineProblem = errorMessage(err);
  }
  const support = assessProtocolSupport({
    protocol: decision.protocol,
    platform: process.platform,
    arch: process.arch,
    enginePath,
    port: settings.axon.port,
  });
  const speaks = `netuid ${netuid} speaks ${decision.protocol} (${decision.source}: ${decision.evidence.join('; ')})`;
  if (!support.canMine) return { id: 'protocol', ok: false, message: speaks, fix: support.summary };
  if (decision.protocol === '2026' && !enginePath)
    return { id: 'protocol', ok: false, message: speaks, fix: engineProblem };
  return {
    id: 'protocol',
    ok: true,
    message: `${speaks}; ${decision.protocol === '2026' ? `mined with sn2-miner at ${enginePath}` : 'mined by the app’s v10 miner'}`,
  };
}
