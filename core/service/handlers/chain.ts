import type { AreaFactory } from './types.js';
import { ChainClient } from '../../chain/client.js';
import { MetagraphCache } from '../../chain/metagraph-cache.js';
import { NETWORK_PRESETS, resolveEndpoint } from '../../chain/networks.js';
import { standingOf } from '../../chain/standing.js';
import {
  burnedRegister,
  preflightBurnedRegister,
  quoteBurnedRegister,
  registrationResult,
  type RegistrationResult,
} from '../../chain/actions/registration.js';
import { prepareSignerPayload, submitWithSignature } from '../../chain/actions/external-signing.js';
import { PendingSignatures } from './pending-signatures.js';
import { UserError } from '../../util/errors.js';
import { connectionLostError } from './chain-connection-lost.js';
import { chainSignerFromKey } from '../../chain/signer.js';
import { raoToTao } from '../../chain/units.js';
import { DEFAULT_NETUID } from '../../contract/settings.js';
import { SignerPayloadSchema } from '../../contract/signing.js';
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

  const pending = new PendingSignatures();

  /** Runs a chain command; a socket that dropped under it is reported as such. */
  const onChain = <T>(run: (t: ReturnType<typeof target>) => Promise<T>): Promise<T> => {
    const t = target();
    return run(t).catch((err: unknown) => {
      throw connectionLostError(t.endpoint, err);
    });
  };

  const registered = (netuid: number, result: RegistrationResult) => {
    ctx.logger.info({ netuid, uid: result.uid, block: result.block }, 'hotkey registered');
    return {
      uid: result.uid,
      block: result.block,
      burnedRao: result.burnedRao.toString(),
      feeRao: result.feeRao?.toString(),
    };
  };

  return {
    handlers: {
      'network.presets': async () => NETWORK_PRESETS.map((p) => ({ ...p })),
      'chain.standing': async () =>
        onChain(async (t) => {
          const hotkey = (await readHotkeyPub(t.wallet)).address;
          const standing = standingOf(t.network, await metagraph(t.endpoint, t.netuid), hotkey);
          ctx.emit({ type: 'standing', standing });
          return standing;
        }),
      'chain.registrationCost': async ({ coldkey: extensionColdkey }) =>
        onChain(async (t) => {
          const c = await client(t.endpoint);
          const [hot, cold] = await Promise.all([
            readHotkeyPub(t.wallet),
            extensionColdkey
              ? { address: extensionColdkey }
              : readColdkeyPub(t.wallet).catch(() => undefined),
          ]);
          const quote = await quoteBurnedRegister(c.api, {
            netuid: t.netuid,
            hotkey: hot.address,
            coldkey: cold?.address ?? hot.address,
          });
          return {
            netuid: t.netuid,
            hotkey: hot.address,
            burnRao: quote.burnRao.toString(),
            burnTao: raoToTao(quote.burnRao),
            feeTao: raoToTao(quote.feeRao),
            balanceTao: cold ? raoToTao(quote.balanceRao) : null,
          };
        }),
      'chain.register': async ({ password, confirmBurnRao }) =>
        onChain(async (t) => {
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
              // Signed at once; the coldkey is not held while the block is awaited.
              { nonces: c.nonces, onSigned: () => coldkey.wipe() },
            );
            return registered(t.netuid, result);
          } finally {
            coldkey.wipe();
          }
        }),
      'chain.prepareRegister': async ({ coldkey, confirmBurnRao }) =>
        onChain(async (t) => {
          const c = await client(t.endpoint);
          const hotkey = (await readHotkeyPub(t.wallet)).address;
          const args = { netuid: t.netuid, hotkey, coldkey, confirmBurnRao: BigInt(confirmBurnRao) };
          const quote = await preflightBurnedRegister(c.api, args);
          const tx = c.api.tx.subtensorModule.burnedRegister(t.netuid, hotkey);
          const prepared = await prepareSignerPayload(c.api, tx, coldkey);
          const requestId = pending.add({ action: 'register', endpoint: t.endpoint, ...args, ...prepared });
          return {
            requestId,
            payload: SignerPayloadSchema.parse(prepared.payload),
            burnRao: quote.burnRao.toString(),
            feeRao: quote.feeRao.toString(),
            validUntilBlock: prepared.validUntilBlock,
          };
        }),
      'chain.submitSigned': async ({ requestId, signature }) =>
        onChain(async (t) => {
          const p = pending.take(requestId);
          if (t.endpoint !== p.endpoint || t.netuid !== p.netuid)
            throw new UserError('the network changed since this transaction was prepared: prepare it again');
          const c = await client(t.endpoint);
          const head = (await c.api.rpc.chain.getHeader()).number.toNumber();
          if (head > p.validUntilBlock)
            throw new UserError(
              `the signed transaction expired at block ${p.validUntilBlock} (now ${head}): prepare and sign it again`,
            );
          // The price may have moved while the user was signing.
          await preflightBurnedRegister(c.api, { ...p, coldkey: p.payload.address });
          const tx = c.api.tx.subtensorModule.burnedRegister(p.netuid, p.hotkey);
          const inclusion = await submitWithSignature(c.api, tx, p.payload, signature as `0x${string}`);
          return {
            action: 'register' as const,
            ...registered(p.netuid, await registrationResult(c.api, p.netuid, inclusion)),
          };
        }),
    },
    async dispose() {
      const c = current;
      current = undefined;
      await c?.client.then((x) => x.close()).catch(() => undefined);
    },
  };
};
