import { readFileSync } from 'node:fs';
import { F64, type MsgValue } from '../../../core/btlightning/msgpack.js';
import { sharedPath } from '../../helpers/shared.js';

/** `inputs.typed` of btlightning.json (vectors README): the exact MessagePack value. */
export type TypedMsg =
  | null
  | boolean
  | number
  | string
  | TypedMsg[]
  | { map: Array<[string, TypedMsg]> }
  | { f64: number }
  | { bin: string };

export function fromTyped(t: TypedMsg): MsgValue {
  if (t === null || typeof t === 'boolean' || typeof t === 'number' || typeof t === 'string') return t;
  if (Array.isArray(t)) return t.map(fromTyped);
  if ('map' in t) return new Map(t.map.map(([k, v]) => [k, fromTyped(v)]));
  if ('f64' in t) return new F64(t.f64);
  return Buffer.from(t.bin, 'hex');
}

export interface Vector {
  name: string;
  inputs: Record<string, unknown> & { typed?: TypedMsg; fields?: Record<string, unknown> };
  expected: Record<string, unknown>;
}

const file = JSON.parse(readFileSync(sharedPath('vectors', 'btlightning.json'), 'utf8')) as {
  vectors: Vector[];
};

export const allVectorNames = (): string[] => file.vectors.map((v) => v.name);

export function vector(name: string): Vector {
  const found = file.vectors.find((v) => v.name === name);
  if (!found) throw new Error(`vector ${name} missing from btlightning.json`);
  return found;
}

export const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
export const unhex = (text: string): Uint8Array => Buffer.from(text, 'hex');
