import { isLosslessNumber } from 'lossless-json';

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !isLosslessNumber(v);

/**
 * JSON merge-patch (RFC 7386), as Substrate's GenesisBuilder applies a chain spec's `patch`: objects
 * merge recursively, `null` deletes a key, arrays and scalars replace. Lossless numbers are scalars.
 */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const out: Record<string, Json> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}
