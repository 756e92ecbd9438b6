import type { ApiPromise } from '@polkadot/api';
import { submitExtrinsic, type Inclusion, type SubmitOptions } from '../submit.js';
import type { ChainSigner } from '../signer.js';

/** `add_stake(hotkey, netuid, amount)` signed by the coldkey (the subnet must be started). */
export function addStake(
  api: ApiPromise,
  args: { coldkey: ChainSigner; hotkey: string; netuid: number; amountRao: bigint },
  options: SubmitOptions = {},
): Promise<Inclusion> {
  return submitExtrinsic(
    api,
    api.tx.subtensorModule.addStake(args.hotkey, args.netuid, args.amountRao),
    args.coldkey,
    options,
  );
}
