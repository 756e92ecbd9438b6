import type { AreaFactory } from './types.js';
import { ChainClient } from '../../chain/client.js';
import { resolveEndpoint } from '../../chain/networks.js';
import { subnetEconomics } from '../../economics/index.js';
import { readHotkeyPub } from '../../bittensor/wallet/index.js';
import { DEFAULT_NETUID } from '../../contract/settings.js';
import { UserError } from '../../util/errors.js';

/**
 * economics.report: what mining the configured subnet pays, read from the chain at one block. A short
 * connection per call (as doctor.run does): the report is read on demand, not polled.
 */
export const economicsHandlers: AreaFactory = (ctx) => ({
  handlers: {
    'economics.report': async ({ netuid: asked }) => {
      const s = ctx.settings.get();
      if (s.network === 'practice')
        throw new UserError(
          'the Practice network has no real economics: pick Testnet or Mainnet in Settings',
        );
      const netuid = asked ?? s.netuid ?? DEFAULT_NETUID[s.network];
      const hotkey = await readHotkeyPub({
        path: s.wallet.path,
        name: s.wallet.name,
        hotkey: s.wallet.hotkey,
      })
        .then((k) => k.address)
        .catch(() => undefined);
      const client = await ChainClient.connect(resolveEndpoint(s.network, s.chainEndpoint), {
        connectTimeoutMs: 10_000,
        healthIntervalMs: 0,
      });
      try {
        return { network: s.network, ...(await subnetEconomics(client.api, netuid, hotkey)) };
      } finally {
        await client.close();
      }
    },
  },
});
