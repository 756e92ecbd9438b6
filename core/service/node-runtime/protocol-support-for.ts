import { statfs } from 'node:fs/promises';
import type { ProtocolDecision, ProtocolSupport, Settings } from '../../contract/index.js';
import { assessProtocolSupport } from '../../engines/protocol-support.js';
import { locateEngine } from '../../engines/run/locate-engine.js';
import { udpPortHolder } from '../../engines/run/port-holder.js';

/**
 * Can this computer mine the protocol `decision` names: the engine binary for this OS/arch, the port, the
 * disk (the registration guard's facts, for the UI's `protocol.support` and `sn2 register` alike).
 */
export async function protocolSupportFor(
  decision: ProtocolDecision,
  o: { settings: Settings; dataRoot: string; ownMinerRunning: boolean },
): Promise<ProtocolSupport> {
  let enginePath: string | undefined;
  try {
    enginePath = locateEngine(o.settings.engine.path, o.dataRoot).path;
  } catch {
    enginePath = undefined;
  }
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
