import type { AreaFactory } from './types.js';
import { ChainClient } from '../../chain/client.js';
import { MetagraphCache } from '../../chain/metagraph-cache.js';
import { NETWORK_PRESETS, resolveEndpoint } from '../../chain/networks.js';
import { standingOf } from '../../chain/standing.js';
import { burnedRegister, quoteBurnedRegister } from '../../chain/actions/registration.js';
import { chainSignerFromKey } from '../../chain/signer.js';
import { raoToTao } from '../../chain/units.js';
import { DEFAULT_NETUID } from '../contract/settings.js';
import { readColdkeyPub, readHotkeyPub, unlockColdkey } from '../../bittensor/wallet/index.js';

/**
 * chain.* commands: one ChainClient for the endpoint in settings (re-created when the settings
 * change), its health forwarded as `chain` events, a metagraph cache per netuid.
 */
export const chainHandlers: AreaFactory = (ctx) => {
  let current:
    { endpoint: string; client: Promise<ChainClient>; cache: Map<number, MetagraphCache> } | undefined;

  const target = () => {
    const s = ctx.settings.get();
    return {
      network: s.network,
      endpoint: resolveEndpoint(s.network, s.chainEndpoint),
      netuid: s.netuid ?? DEFAULT_NETUID[s.network],
      wallet: { path: s.wallet.path, name: s.wallet.name, hotkey: s.wallet.hotkey },
    };
  };

  const client = async (endpoint: string): Promise<ChainClient> => {
    if (current?.endpoint !== endpoint) {
      const previous = current;
      current = {
        endpoint,
        cache: new Map(),
        client: ChainClient.connect(endpoint, { onHealth: (h) => ctx.emit({ type: 'chain', ...h }) }),
      };
      current.client.catch(() => (current = undefined));
      void previous?.client.then((c) => c.close()).catch(() => undefined);
    }
    return current.client;
  };

  const metagraph = async (endpoint: string, netuid: number) => {
    const c = await client(endpoint);
    const caches = current!.cache;
    let cache = caches.get(netuid);
    if (!cache) caches.set(netuid, (cache = new MetagraphCache(c.api, netuid)));
    return cache.get();
  };

  return {
    handlers: {
      'network.presets': async () => NETWORK_PRESETS.map((p) => ({ ...p })),
      'chain.standing': async () => {
        const t = target();
        const hotkey = (await readHotkeyPub(t.wallet)).address;
        const standing = standingOf(t.network, await metagraph(t.endpoint, t.netuid), hotkey);
        ctx.emit({ type: 'standing', standing });
        return standing;
      },
      'chain.registrationCost': async () => {
        const t = target();
        const c = await client(t.endpoint);
        const [hot, cold] = await Promise.all([
          readHotkeyPub(t.wallet),
          readColdkeyPub(t.wallet).catch(() => undefined),
        ]);
        const quote = await quoteBurnedRegister(c.api, {
          netuid: t.netuid,
          hotkey: hot.address,
          coldkey: cold?.address ?? hot.address,
        });
        return {
          netuid: t.netuid,
          burnRao: quote.burnRao.toString(),
          burnTao: raoToTao(quote.burnRao),
          balanceTao: cold ? raoToTao(quote.balanceRao) : null,
        };
      },
      'chain.register': async ({ password, confirmBurnRao }) => {
        const t = target();
        const c = await client(t.endpoint);
        const hot = await readHotkeyPub(t.wallet);
        const coldkey = await unlockColdkey({ ...t.wallet, password });
        try {
          const result = await burnedRegister(
            c.api,
            {
              netuid: t.netuid,
              hotkey: hot.address,
              coldkey: chainSignerFromKey(coldkey, c.api.registry),
              confirmBurnRao: BigInt(confirmBurnRao),
            },
            { nonces: c.nonces },
          );
          ctx.logger.info({ netuid: t.netuid, uid: result.uid, block: result.block }, 'hotkey registered');
          return {
            uid: result.uid,
            block: result.block,
            burnedRao: result.burnedRao.toString(),
            feeRao: result.feeRao?.toString(),
          };
        } finally {
          coldkey.wipe();
        }
      },
    },
    async dispose() {
      const c = current;
      current = undefined;
      await c?.client.then((x) => x.close()).catch(() => undefined);
    },
  };
};
