import { TypeRegistry } from '@polkadot/types';
import { blake2AsHex } from '@polkadot/util-crypto';
import { u8aConcat } from '@polkadot/util';

const registry = new TypeRegistry();

export interface WeightsReveal {
  /** Hotkey public key (32 bytes) or ss58. */
  hotkey: Uint8Array | string;
  netuid: number;
  uids: number[];
  values: number[];
  salt: number[];
  versionKey: bigint | number;
}

/** SCALE(hotkey ‖ netuid u16 ‖ uids ‖ values ‖ salt ‖ version_key u64), the CR v2 preimage. */
export function commitPreimage(r: WeightsReveal): Uint8Array {
  return u8aConcat(
    registry.createType('AccountId32', r.hotkey).toU8a(),
    registry.createType('u16', r.netuid).toU8a(),
    registry.createType('Vec<u16>', r.uids).toU8a(),
    registry.createType('Vec<u16>', r.values).toU8a(),
    registry.createType('Vec<u16>', r.salt).toU8a(),
    registry.createType('u64', r.versionKey).toU8a(),
  );
}

/** blake2b-256 of the preimage: what `commit_weights` sends and `WeightCommits` stores. */
export const commitHash = (r: WeightsReveal): `0x${string}` => blake2AsHex(commitPreimage(r), 256);

/** A fresh random salt (8 × u16), as the SDK generates. */
export function randomSalt(length = 8): number[] {
  return Array.from(crypto.getRandomValues(new Uint16Array(length)));
}
