import { loadHotkey, readColdkeyPub } from '../../bittensor/wallet/index.js';
import type { Keypair } from '../../bittensor/keys/index.js';
import { ChainClient } from '../../chain/client.js';
import { resolveEndpoint } from '../../chain/networks.js';
import { quoteBurnedRegister } from '../../chain/actions/registration.js';
import { raoToTao } from '../../chain/units.js';
import { DEFAULT_NETUID, type CoreEvent, type Settings } from '../../contract/index.js';
import { errorMessage } from '../../util/errors.js';

/** A real network as the settings name it: endpoint, netuid, the user's hotkey and a connected client. */
export interface NetworkTarget {
  network: Settings['network'];
  endpoint: string;
  netuid: number;
  hotkey: Keypair;
  client: ChainClient;
}

export class NodeSetupError extends Error {
  override readonly name = 'NodeSetupError';
}

/** Load the wallet hotkey named in the settings and connect to the network's chain. */
export async function connectNetworkTarget(
  settings: Settings,
  emit: (event: CoreEvent) => void,
): Promise<NetworkTarget> {
  const network = settings.network;
  const endpoint = resolveEndpoint(network, settings.chainEndpoint);
  const netuid = settings.netuid ?? DEFAULT_NETUID[network];
  let hotkey: Keypair;
  try {
    hotkey = await loadHotkey({
      name: settings.wallet.name,
      hotkey: settings.wallet.hotkey,
      path: settings.wallet.path,
    });
  } catch (err) {
    throw new NodeSetupError(
      `cannot load hotkey "${settings.wallet.hotkey}" of wallet "${settings.wallet.name}": ${errorMessage(err)}. ` +
        'Create or import a wallet (Wallet page, or "sn2 wallet create") or pick another one in Settings',
    );
  }
  const client = await ChainClient.connect(endpoint, { onHealth: (h) => emit({ type: 'chain', ...h }) });
  return { network, endpoint, netuid, hotkey, client };
}

/** The exact next step for an unregistered hotkey, with the live burn cost. */
export async function notRegisteredMessage(
  t: NetworkTarget,
  settings: Settings,
  role: string,
): Promise<string> {
  let cost = '';
  try {
    const cold = await readColdkeyPub({ name: settings.wallet.name, path: settings.wallet.path }).catch(
      () => undefined,
    );
    const quote = await quoteBurnedRegister(t.client.api, {
      netuid: t.netuid,
      hotkey: t.hotkey.address,
      coldkey: cold?.address ?? t.hotkey.address,
    });
    cost = ` Registration burns ${raoToTao(quote.burnRao)} TAO right now${cold ? ` (coldkey balance ${raoToTao(quote.balanceRao)} TAO)` : ''}.`;
  } catch (err) {
    cost = ` (the current burn cost could not be read: ${errorMessage(err)})`;
  }
  const net = t.network === 'custom' ? t.endpoint : t.network;
  return (
    `hotkey ${t.hotkey.address} is not registered on netuid ${t.netuid} (${net}), so the ${role} cannot start. ` +
    `Register it first: in the app (Mining → Register) or "btcli subnet register --netuid ${t.netuid} --subtensor.network ${net} ` +
    `--wallet.name ${settings.wallet.name} --wallet.hotkey ${settings.wallet.hotkey}".${cost}`
  );
}
