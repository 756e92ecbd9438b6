import type { Codec } from '@polkadot/types/types';

/**
 * Typed reads from metadata-decoded values. The subtensor types are not augmented into polkadot-js,
 * so structs come back as generic codecs; these helpers read a field and fail loudly if the runtime
 * changed shape instead of yielding `undefined` downstream.
 */
interface StructLike extends Codec {
  get(key: string): Codec | undefined;
}

export function field(value: Codec, key: string): Codec {
  const out = (value as StructLike).get?.(key);
  if (out === undefined) throw new Error(`runtime value ${value.toRawType()} has no field "${key}"`);
  return out;
}

export const big = (c: Codec): bigint => BigInt(c.toString());
export const num = (c: Codec): number => Number(c.toString());
export const bool = (c: Codec): boolean => c.toJSON() === true;
export const str = (c: Codec): string => c.toString();

export function vec(c: Codec): Codec[] {
  return [...(c as unknown as Iterable<Codec>)];
}
