import { statfs } from 'node:fs/promises';
import type { AreaFactory } from './types.js';
import { assessProtocolSupport } from '../../engines/protocol-support.js';
import { locateEngine } from '../../engines/run/locate-engine.js';
import { udpPortHolder } from '../../engines/run/port-holder.js';
import { detectProtocol } from '../node-runtime/detect-protocol.js';

/**
 * protocol.detect: which protocol a network speaks, with the evidence. protocol.support: the registration
 * guard's facts (can this computer mine the protocol of the settings' network); the burn comes from
 * chain.registrationCost.
 */
export const protocolHandlers: AreaFactory = (ctx) => ({
  handlers: {
    'protocol.detect': async (input) => {
      const settings = ctx.settings.get();
      const network = input.network ?? settings.network;
      const sameNetwork = network === settings.network;
      return detectProtocol({
        network,
        netuid: input.netuid ?? (sameNetwork ? settings.netuid : undefined),
        chainEndpoint: input.chainEndpoint ?? (sameNetwork ? settings.chainEndpoint : undefined),
        choice: sameNetwork ? settings.mining.protocol : 'auto',
        readChain: true,
      });
    },
    'protocol.support': async () => {
      const settings = ctx.settings.get();
      const decision = await detectProtocol({
        network: settings.network,
        netuid: settings.netuid,
        chainEndpoint: settings.chainEndpoint,
        choice: settings.mining.protocol,
        readChain: true,
      });
      let enginePath: string | undefined;
      try {
        enginePath = locateEngine(settings.engine.path, ctx.paths.root).path;
      } catch {
        enginePath = undefined;
      }
      const miner = await ctx.invoke('miner.status', {});
      const fs = await statfs(ctx.paths.root).catch(() => undefined);
      const support = assessProtocolSupport({
        protocol: decision.protocol,
        platform: process.platform,
        arch: process.arch,
        enginePath,
        port: settings.axon.port,
        // Our own running miner holds the port legitimately.
        portInUseBy:
          miner.state === 'running' || decision.protocol !== '2026'
            ? undefined
            : udpPortHolder(settings.axon.port),
        freeDiskBytes: fs ? fs.bavail * fs.bsize : undefined,
      });
      return { decision, support };
    },
  },
});
