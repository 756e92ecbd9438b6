/**
 * Bring a fresh devnet subnet to a usable state, with real extrinsics (the sequence of spec §11.5):
 *
 *   const subnet = await bootstrapSubnet(devnet, { tempo: 5, miners: 2, validators: 1 });
 *   subnet.netuid                      // the new subnet (2 on the fixture)
 *   subnet.miners[0].hotkey.address    // registered, funded for fees; sign with it (KeyringPair)
 *   subnet.validators[0].uid           // registered, staked, holds a validator permit
 *
 * Owner: coldkey //Alice (also sudo), hotkey //Alice//owner-hot (UID 0). Miners: coldkey //Bob, hotkeys
 * //Bob//miner-<i>. Validators: coldkey //Charlie, hotkeys //Charlie//vali-hot (first) and
 * //Charlie//vali-<i>. `extraMinerHotkeys` registers caller-supplied ss58 hotkeys (e.g. the user's
 * own wallet in practice mode) under //Bob. Takes ~25–60 s on 2 cores (each block runs the runtime).
 */
import type { ApiPromise } from '@polkadot/api';
import type { KeyringPair } from '@polkadot/keyring/types';
import { chainSignerFromKey, type ChainSigner } from '../signer.js';
import { findEvent, submitExtrinsic, type Extrinsic } from '../submit.js';
import { ChainError } from '../errors.js';
import { TAO } from '../units.js';
import { DEV_MINER_COLDKEY_URI, DEV_SUDO_URI, DEV_VALIDATOR_COLDKEY_URI, devKey } from './dev-keys.js';

export interface BootstrapOptions {
  /** Subnet tempo (epoch = tempo + 1 blocks). Default 5. */
  tempo?: number;
  /** Commit-reveal v2 on the subnet. Default false. */
  commitReveal?: boolean;
  /** Blocks between weight submissions of one uid. Default 0 (no limit). */
  weightsRateLimit?: number;
  /** Blocks between serve_axon calls of one hotkey. Default 0. */
  servingRateLimit?: number;
  /** Dev miner hotkeys to register (//Bob//miner-<i>). Default 1. */
  miners?: number;
  /** Dev validator hotkeys to register, stake and wait a permit for. Default 1. */
  validators?: number;
  /** More hotkeys (ss58) to register as miners, paid by //Bob. */
  extraMinerHotkeys?: string[];
  /** Stake per validator, TAO. Default 100. */
  validatorStakeTao?: number;
  /** Free balance sent to each hotkey for fees, TAO. Default 10. */
  hotkeyFundsTao?: number;
}

export interface DevNeuron {
  uid: number;
  hotkey: KeyringPair;
  coldkey: KeyringPair;
}

export interface BootstrappedSubnet {
  netuid: number;
  tempo: number;
  owner: DevNeuron;
  miners: DevNeuron[];
  validators: DevNeuron[];
  /** Extra hotkeys registered, ss58 → uid. */
  extraMiners: Record<string, number>;
  /** Head block when done. */
  block: number;
}

interface Devnetish {
  api: ApiPromise;
  newBlocks(count: number): Promise<number>;
  head(): Promise<number>;
}

export async function bootstrapSubnet(
  devnet: Devnetish,
  options: BootstrapOptions = {},
): Promise<BootstrappedSubnet> {
  const { api } = devnet;
  const tempo = options.tempo ?? 5;
  const alice = await devKey(DEV_SUDO_URI);
  const bob = await devKey(DEV_MINER_COLDKEY_URI);
  const charlie = await devKey(DEV_VALIDATOR_COLDKEY_URI);
  const ownerHot = await devKey(`${DEV_SUDO_URI}//owner-hot`);
  const minerHots = await Promise.all(
    Array.from({ length: options.miners ?? 1 }, (_, i) => devKey(`${DEV_MINER_COLDKEY_URI}//miner-${i}`)),
  );
  const valiHots = await Promise.all(
    Array.from({ length: options.validators ?? 1 }, (_, i) =>
      devKey(i === 0 ? `${DEV_VALIDATOR_COLDKEY_URI}//vali-hot` : `${DEV_VALIDATOR_COLDKEY_URI}//vali-${i}`),
    ),
  );
  const extra = options.extraMinerHotkeys ?? [];
  const as = (pair: KeyringPair): ChainSigner => chainSignerFromKey(pair, api.registry);
  const send = (tx: Extrinsic, pair: KeyringPair) => submitExtrinsic(api, tx, as(pair));
  const sm = api.tx.subtensorModule;
  const admin = api.tx.adminUtils;

  // 1. fund hotkeys, lift the network rate limit (293 has no first-registration exemption), create the subnet.
  const funds = BigInt(options.hotkeyFundsTao ?? 10) * TAO;
  const hotkeys = [
    ownerHot.address,
    ...minerHots.map((k) => k.address),
    ...valiHots.map((k) => k.address),
    ...extra,
  ];
  const created = await send(
    api.tx.utility.batchAll([
      ...hotkeys.map((h) => api.tx.balances.transferKeepAlive(h, funds)),
      api.tx.sudo.sudo(admin.sudoSetNetworkRateLimit(0)),
      sm.registerNetwork(ownerHot.address),
    ]),
    alice,
  );
  const added = findEvent(created, 'subtensorModule', 'NetworkAdded');
  if (!added) throw new ChainError('register_network did not emit NetworkAdded');
  const netuid = Number(added.event.data[0].toString());

  // 2. hyperparameters (one sudo batch).
  await send(
    api.tx.sudo.sudo(
      api.tx.utility.batchAll([
        admin.sudoSetTempo(netuid, tempo),
        admin.sudoSetCommitRevealWeightsEnabled(netuid, options.commitReveal ?? false),
        admin.sudoSetWeightsSetRateLimit(netuid, options.weightsRateLimit ?? 0),
        admin.sudoSetServingRateLimit(netuid, options.servingRateLimit ?? 0),
        admin.sudoSetStakeThreshold(0),
        admin.sudoSetTargetRegistrationsPerInterval(netuid, 64),
        admin.sudoSetMaxRegistrationsPerBlock(netuid, 64),
      ]),
    ),
    alice,
  );

  // 3. registrations (293 caps registrations per block; lifted above).
  const register = async (coldkey: KeyringPair, hots: string[]) => {
    if (hots.length === 0) return new Map<string, number>();
    const inc = await send(api.tx.utility.batchAll(hots.map((h) => sm.burnedRegister(netuid, h))), coldkey);
    const uids = new Map<string, number>();
    for (const { event } of inc.events) {
      if (event.section === 'subtensorModule' && event.method === 'NeuronRegistered') {
        uids.set(event.data[2].toString(), Number(event.data[1].toString()));
      }
    }
    return uids;
  };
  const minerUids = await register(bob, [...minerHots.map((k) => k.address), ...extra]);
  const valiUids = await register(
    charlie,
    valiHots.map((k) => k.address),
  );

  // 4. start the subnet once the start-call delay has passed.
  const registeredAt = Number((await api.query.subtensorModule.networkRegisteredAt(netuid)).toString());
  const wait = registeredAt + (await startCallDelay(api)) - (await devnet.head());
  if (wait > 0) await devnet.newBlocks(wait);
  await send(sm.startCall(netuid), alice);

  // 5. stake the validators and run epochs until they hold permits.
  if (valiHots.length > 0) {
    const stake = BigInt(options.validatorStakeTao ?? 100) * TAO;
    await send(api.tx.utility.batchAll(valiHots.map((h) => sm.addStake(h.address, netuid, stake))), charlie);
    await advanceUntilPermits(devnet, netuid, tempo, [...valiUids.values()]);
  }

  const neuron = (hotkey: KeyringPair, coldkey: KeyringPair, uids: Map<string, number>): DevNeuron => {
    const uid = uids.get(hotkey.address);
    if (uid === undefined) throw new ChainError(`${hotkey.address} was not registered on netuid ${netuid}`);
    return { uid, hotkey, coldkey };
  };
  return {
    netuid,
    tempo,
    owner: { uid: 0, hotkey: ownerHot, coldkey: alice },
    miners: minerHots.map((k) => neuron(k, bob, minerUids)),
    validators: valiHots.map((k) => neuron(k, charlie, valiUids)),
    extraMiners: Object.fromEntries(extra.map((h) => [h, minerUids.get(h) ?? -1])),
    block: await devnet.head(),
  };
}

/** 425 stores the delay (`StartCallDelay`); 293 has it as the constant `DurationOfStartCall`. */
async function startCallDelay(api: ApiPromise): Promise<number> {
  const stored = api.query.subtensorModule.startCallDelay;
  if (stored) return Number((await stored()).toString());
  return Number(api.consts.subtensorModule.durationOfStartCall.toString());
}

async function advanceUntilPermits(
  devnet: Devnetish,
  netuid: number,
  tempo: number,
  uids: number[],
): Promise<void> {
  for (let epoch = 0; epoch < 4; epoch++) {
    await devnet.newBlocks(tempo + 1);
    const permits = (await devnet.api.query.subtensorModule.validatorPermit(netuid)).toJSON() as boolean[];
    if (uids.every((uid) => permits[uid])) return;
  }
  throw new ChainError(
    `validators ${uids.join(', ')} did not get a permit on netuid ${netuid} after 4 epochs`,
  );
}
