import {
  compactAddLength,
  compactFromU8a,
  hexToU8a,
  stringToU8a,
  u8aToHex,
  u8aToString,
} from '@polkadot/util';
import { parse as parseLossless, stringify as stringifyLossless } from 'lossless-json';
import { CODE_KEY, TIMESTAMP_NOW_KEY, type RawChainSpec, type RuntimeGenesisSpec } from './chain-spec.js';
import { mergePatch } from './merge-patch.js';
import { callRuntime, RuntimeCallError, type Hex } from './runtime-call.js';

/** SCALE `Vec<u8>` payload of an `Option<Vec<u8>>` / `Result<(), String>`-style response. */
function decodeBytes(u8a: Uint8Array): Uint8Array {
  const [offset, length] = compactFromU8a(u8a);
  return u8a.subarray(offset, offset + length.toNumber());
}

/**
 * Convert a runtimeGenesis chain spec into the raw form chopsticks' genesis mode needs, using the
 * runtime's own GenesisBuilder (default preset ⊕ the spec's patch → build_state → storage diff).
 * The result carries no timestamp; pin one with `withPinnedTimestamp` before starting.
 */
export async function buildRawGenesis(spec: RuntimeGenesisSpec): Promise<RawChainSpec> {
  const code = spec.genesis.runtimeGenesis.code as Hex;
  const preset = hexToU8a((await callRuntime(code, 'GenesisBuilder_get_preset', '0x00')).result);
  if (preset[0] !== 1) throw new RuntimeCallError('GenesisBuilder_get_preset returned no default preset');
  const defaultConfig = parseLossless(u8aToString(decodeBytes(preset.subarray(1))));
  const config = mergePatch(defaultConfig, spec.genesis.runtimeGenesis.patch ?? {});
  const json = stringifyLossless(config) ?? '{}';
  const built = await callRuntime(
    code,
    'GenesisBuilder_build_state',
    u8aToHex(compactAddLength(stringToU8a(json))),
  );
  const outcome = hexToU8a(built.result);
  if (outcome[0] !== 0) {
    throw new RuntimeCallError(
      `GenesisBuilder_build_state rejected the genesis config: ${u8aToString(decodeBytes(outcome.subarray(1)))}`,
    );
  }
  const top: Record<Hex, Hex> = {};
  for (const [key, value] of built.storageDiff) if (value !== null) top[key] = value;
  top[CODE_KEY] = code;
  const props = spec.properties ?? {};
  return {
    name: spec.name,
    id: spec.id,
    chainType: spec.chainType ?? 'Development',
    bootNodes: [],
    telemetryEndpoints: null,
    protocolId: spec.protocolId ?? null,
    properties: {
      ss58Format: typeof props.ss58Format === 'number' ? props.ss58Format : 42,
      tokenDecimals: typeof props.tokenDecimals === 'number' ? props.tokenDecimals : 9,
      tokenSymbol: typeof props.tokenSymbol === 'string' ? props.tokenSymbol : 'TAO',
    },
    forkBlocks: null,
    badBlocks: [],
    codeSubstitutes: {},
    genesis: { raw: { top, childrenDefault: {} } },
  };
}

/**
 * Pin `Timestamp.Now` to a multiple of the slot duration. Without it chopsticks reads the clock twice
 * for block #1 (slot digest, timestamp inherent); with 1 s slots they can differ and block #1 panics.
 */
export function withPinnedTimestamp(raw: RawChainSpec, slotMs: number, nowMs = Date.now()): RawChainSpec {
  const pinned = BigInt(Math.floor(nowMs / slotMs) * slotMs);
  const le = new Uint8Array(8);
  new DataView(le.buffer).setBigUint64(0, pinned, true);
  return {
    ...raw,
    genesis: {
      raw: { ...raw.genesis.raw, top: { ...raw.genesis.raw.top, [TIMESTAMP_NOW_KEY]: u8aToHex(le) } },
    },
  };
}

/** `AuraApi_slot_duration` run with unresolved imports allowed (chopsticks-core runs it without). */
export async function auraSlotDurationMs(code: Hex): Promise<number> {
  const { result } = await callRuntime(code, 'AuraApi_slot_duration', '0x');
  return Number(new DataView(hexToU8a(result).buffer).getBigUint64(0, true));
}
