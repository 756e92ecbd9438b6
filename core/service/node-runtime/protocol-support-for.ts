import { statfs } from 'node:fs/promises';
import type { ProtocolDecision, ProtocolSupport, Settings } from '../../contract/index.js';
import { assessProtocolSupport } from '../../engines/protocol-support.js';
import { engineStatus } from '../../engines/install/manage.js';
import { udpPortHolder } from '../../engines/run/port-holder.js';

/**
 * Can this computer mine the protocol `decision` names: the engine binary for this OS/arch, the port, the
 * disk (the registration guard's facts, for the UI's `protocol.support` and `sn2 register` alike).
 */
export async function protocolSupportFor(
  decision: ProtocolDecision,
  o: { settings: Settings; dataRoot: string; ownMinerRunning: boolean },
): Promise<ProtocolSupport> {
  // The engine a start would run, without re-hashing it (the start does): a cheap status view.
  const enginePath = engineStatus(o.dataRoot).selected?.path;
  const fs = await statfs(o.dataRoot).catch(() => undefined);
  return assessProtocolSupport({
    protocol: decision.protocol,
    platform: process.platform,
    arch: process.arch,
    enginePath,
    port: o.settings.axon.port,
    // Our own running miner holds the port legitimately.
    portInUseBy:
      o.ownMinerRunning || decision.protocol !== '2026' ? undefined : udpPortHolder(o.settings.axon.port),
    freeDiskBytes: fs ? fs.bavail * fs.bsize : undefined,
  });
}
