import type { AreaFactory } from './types.js';
import { detectProtocol } from '../node-runtime/detect-protocol.js';
import { protocolSupportFor } from '../node-runtime/protocol-support-for.js';

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
      const miner = await ctx.invoke('miner.status', {});
      const support = await protocolSupportFor(decision, {
        settings,
        dataRoot: ctx.paths.root,
        ownMinerRunning: miner.state === 'running',
      });
      return { decision, support };
    },
  },
});
