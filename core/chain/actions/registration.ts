import type { ApiPromise } from '@polkadot/api';
import { big, num } from '../codec.js';
import { PreflightError, ChainError } from '../errors.js';
import { raoToTao } from '../units.js';
import { findEvent, submitExtrinsic, type Inclusion, type SubmitOptions } from '../submit.js';
import type { ChainSigner } from '../signer.js';

export interface RegistrationQuote {
  netuid: number;
  /** Burn(netuid), rao: what registration costs now. */
  burnRao: bigint;
  /** Estimated transaction fee, rao. */
  feeRao: bigint;
  /** Coldkey free balance, rao. */
  balanceRao: bigint;
  /** Already registered: its uid (no registration needed). */
  existingUid?: number;
}

/** Step 1 of registration: what it costs, for the user to confirm. */
export async function quoteBurnedRegister(
  api: ApiPromise,
  args: { netuid: number; hotkey: string; coldkey: string },
): Promise<RegistrationQuote> {
  const q = api.query.subtensorModule;
  const [burn, account, uid] = await Promise.all([
    q.burn(args.netuid),
    api.query.system.account(args.coldkey),
    q.uids(args.netuid, args.hotkey),
  ]);
  const info = await api.tx.subtensorModule
    .burnedRegister(args.netuid, args.hotkey)
    .paymentInfo(args.coldkey);
  const existing = uid.toJSON();
  return {
    netuid: args.netuid,
    burnRao: big(burn),
    feeRao: big(info.partialFee),
    balanceRao: BigInt((account.toJSON() as { data: { free: number | string } }).data.free),
    existingUid: typeof existing === 'number' ? existing : undefined,
  };
}

export interface RegistrationResult {
  uid: number;
  block: number;
  blockHash: string;
  burnedRao: bigint;
  feeRao?: bigint;
}

/**
 * The checks before `burned_register` is signed: not registered yet, the price still at most what the
 * user confirmed (`confirmBurnRao`: the burn can rise between quote and submission), enough balance.
 */
export async function preflightBurnedRegister(
  api: ApiPromise,
  args: { netuid: number; hotkey: string; coldkey: string; confirmBurnRao: bigint },
): Promise<RegistrationQuote> {
  const quote = await quoteBurnedRegister(api, args);
  if (quote.existingUid !== undefined) {
    throw new PreflightError(
      'HotKeyAlreadyRegisteredInSubNet',
      `the hotkey is already registered on netuid ${args.netuid} as uid ${quote.existingUid}`,
    );
  }
  if (quote.burnRao > args.confirmBurnRao) {
    throw new PreflightError(
      'BurnIncreased',
      `the price changed: registration now costs ${raoToTao(quote.burnRao)} TAO (${quote.burnRao} rao), more than the ${raoToTao(args.confirmBurnRao)} TAO you confirmed; confirm the new price`,
    );
  }
  if (quote.balanceRao < quote.burnRao + quote.feeRao) {
    throw new PreflightError(
      'NotEnoughBalanceToStake',
      `the coldkey has ${quote.balanceRao} rao free; registration needs ${quote.burnRao} rao plus a fee of about ${quote.feeRao} rao`,
    );
  }
  return quote;
}

/** Step 2: `burned_register`, signed by the coldkey, only if the preflight passes. */
export async function burnedRegister(
  api: ApiPromise,
  args: { netuid: number; hotkey: string; coldkey: ChainSigner; confirmBurnRao: bigint },
  options: SubmitOptions = {},
): Promise<RegistrationResult> {
  await preflightBurnedRegister(api, { ...args, coldkey: args.coldkey.address });
  const inclusion = await submitExtrinsic(
    api,
    api.tx.subtensorModule.burnedRegister(args.netuid, args.hotkey),
    args.coldkey,
    options,
  );
  return registrationResult(api, args.netuid, inclusion);
}

/** The uid and the price paid, from an included `burned_register`. */
export async function registrationResult(
  api: ApiPromise,
  netuid: number,
  inclusion: Inclusion,
): Promise<RegistrationResult> {
  const registered = findEvent(inclusion, 'subtensorModule', 'NeuronRegistered');
  if (!registered)
    throw new ChainError('burned_register was included but no NeuronRegistered event was emitted');
  // The price actually paid is Burn as of the parent of the inclusion block.
  const header = await api.rpc.chain.getHeader(inclusion.blockHash);
  const paid = await (await api.at(header.parentHash)).query.subtensorModule.burn(netuid);
  return {
    uid: num(registered.event.data[1]),
    block: inclusion.blockNumber,
    blockHash: inclusion.blockHash,
    burnedRao: big(paid),
    feeRao: inclusion.feeRao,
  };
}
