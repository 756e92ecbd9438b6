import type { AreaFactory } from './types.js';
import { loadHotkey } from '../../bittensor/wallet/index.js';
import { ChainClient } from '../../chain/client.js';
import { httpIpLookup } from '../../chain/external-ip.js';
import { fetchMetagraph, type Metagraph } from '../../chain/metagraph.js';
import { resolveEndpoint } from '../../chain/networks.js';
import { CircuitStore } from '../../circuits/store.js';
import { errorMessage } from '../../util/errors.js';
import { DEFAULT_NETUID } from '../../contract/index.js';
import { probeQuic } from '../../btlightning/probe.js';
import { localIpv4Addresses } from '../../net/local-addresses.js';
import {
  checksQuic,
  publicIpv4Check,
  quicAxonOnChainCheck,
  quicExternalCheck,
  quicLocalCheck,
} from '../node-runtime/reachability-checks.js';
import {
  axonLocalCheck,
  externalIpCheck,
  axonOnChainCheck,
  cannotCheck,
  circuitsCheck,
  clockCheck,
  hardwareCheck,
  proversCheck,
  registrationCheck,
  type DoctorCheck,
} from '../node-runtime/doctor-checks.js';
import { protocolCheck } from '../node-runtime/protocol-doctor-check.js';
import { refusalsCheck } from '../node-runtime/refusals-check.js';

const CHAIN_CHECKS = ['protocol', 'registration', 'axon-chain', 'clock'] as const;

/**
 * doctor.run: can this machine mine on the configured network? Every check answers with a reason; the
 * ones that need the chain are `skipped` (with the reason) when it is out of reach instead of failing.
 */
export const doctorHandlers: AreaFactory = (ctx) => ({
  handlers: {
    'doctor.run': async () => {
      const settings = ctx.settings.get();
      const guard = async (id: string, check: () => Promise<DoctorCheck>): Promise<DoctorCheck> => {
        try {
          return await check();
        } catch (err) {
          return cannotCheck(id, errorMessage(err));
        }
      };
      const miner = await ctx.invoke('miner.status', {});
      const port = miner.axon?.port ?? settings.axon.port;
      const quic = checksQuic(settings.network, settings.mining.protocol);
      const walletRef = {
        name: settings.wallet.name,
        hotkey: settings.wallet.hotkey,
        path: settings.wallet.path,
      };
      const ownHotkey = quic
        ? await loadHotkey(walletRef).then(
            (k) => k.address,
            () => undefined,
          )
        : undefined;
      const quicLocal = quic
        ? guard('quic-local', () => quicLocalCheck(probeQuic, port, ownHotkey, miner.state === 'running'))
        : undefined;
      const local: Array<Promise<DoctorCheck>> = [
        guard('hardware', () => hardwareCheck(ctx.paths.root)),
        quicLocal ?? guard('axon-local', () => axonLocalCheck(port, miner.state === 'running')),
        guard('provers', () => proversCheck(settings, ctx.paths.bin)),
        guard('circuits', () => circuitsCheck(new CircuitStore({ cacheDir: ctx.paths.circuits }))),
        Promise.resolve(refusalsCheck(miner.refusals, miner.state === 'running')),
      ];
      return { checks: [...(await Promise.all(local)), ...(await chainChecks())] };

      async function chainChecks(): Promise<DoctorCheck[]> {
        const skip = (why: string, fix?: string) => CHAIN_CHECKS.map((id) => cannotCheck(id, why, fix));
        if (settings.network === 'practice')
          return skip(
            'the Practice network is a local devnet; these checks apply to testnet and mainnet',
            'pick Testnet or Mainnet in Settings to check them',
          );
        let hotkey: string;
        try {
          hotkey = (await loadHotkey(walletRef)).address;
        } catch (err) {
          return skip(`no usable hotkey (${errorMessage(err)})`, 'create or import a wallet first');
        }
        let client: ChainClient;
        try {
          client = await ChainClient.connect(resolveEndpoint(settings.network, settings.chainEndpoint), {
            connectTimeoutMs: 10_000,
            healthIntervalMs: 0,
          });
        } catch (err) {
          return skip(
            `the chain is out of reach (${errorMessage(err)})`,
            'check the internet connection and the endpoint in Settings',
          );
        }
        try {
          const netuid = settings.netuid ?? DEFAULT_NETUID[settings.network];
          let meta: Metagraph | undefined;
          let metaError = '';
          try {
            meta = await fetchMetagraph(client.api, netuid);
          } catch (err) {
            metaError = errorMessage(err);
          }
          const external = await externalIpCheck(settings.axon.externalIp, httpIpLookup());
          const externalIp = external.ip;
          const axon = meta?.neurons.find((n) => n.hotkey === hotkey)?.axon;
          const reachability = quic
            ? [
                publicIpv4Check(externalIp, localIpv4Addresses()),
                await guard('quic-external', async () =>
                  quicExternalCheck(probeQuic, externalIp, port, hotkey, (await quicLocal!).ok),
                ),
              ]
            : [];
          return [
            await protocolCheck(settings, netuid, ctx.paths.root, meta, metaError),
            external.check,
            ...reachability,
            meta
              ? await guard('registration', () =>
                  registrationCheck(client.api, meta, hotkey, settings.network),
                )
              : cannotCheck('registration', `metagraph of netuid ${netuid} unreadable (${metaError})`),
            meta
              ? quic
                ? quicAxonOnChainCheck(axon, port, externalIp)
                : axonOnChainCheck(meta, hotkey, port, externalIp)
              : cannotCheck('axon-chain', `metagraph of netuid ${netuid} unreadable (${metaError})`),
            await guard('clock', () => clockCheck(client.api)),
          ];
        } finally {
          await client.close();
        }
      }
    },
  },
});
