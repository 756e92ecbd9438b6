import type { ProtocolGuard } from '../economics/protocol-guard.js';
import { decideProtocol } from '../protocols/decide-protocol.js';
import { readProtocolEvidence } from '../protocols/read-protocol-evidence.js';
import { protocolSupportFor } from '../service/node-runtime/protocol-support-for.js';
import { SettingsStore } from '../service/settings-store.js';
import { errorMessage } from '../util/errors.js';
import { dataPaths } from '../util/paths.js';

/**
 * `sn2 register`'s guard: which protocol the subnet speaks (read from the chain it is about to register on,
 * spec sn2-2026.md §1; the Settings override applies when it names the same network) and whether this computer
 * can mine it (the same facts as the app's registration step).
 */
export const cliProtocolGuard: ProtocolGuard = async ({ api, network, netuid }) => {
  const paths = dataPaths();
  const settings = new SettingsStore(paths.settings).get();
  let evidence;
  let evidenceError: string | undefined;
  try {
    evidence = await readProtocolEvidence(api, netuid);
  } catch (err) {
    evidenceError = errorMessage(err);
  }
  const decision = decideProtocol({
    network,
    netuid,
    choice: network === settings.network ? settings.mining.protocol : 'auto',
    evidence,
    evidenceError,
  });
  return protocolSupportFor(decision, { settings, dataRoot: paths.root, ownMinerRunning: false });
};
