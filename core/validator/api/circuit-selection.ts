import type { ExternalCircuitInfo } from './types.js';

/** Mainnet netuid → testnet netuid (spec §13), for PoW requests that name a testnet subnet. */
export const TESTNET_NETUID_PAIRS: ReadonlyArray<readonly [number, number]> = [
  [2, 118],
  [27, 15],
  [48, 208],
];

const mainnetNetuid = (netuid: number, testnet: boolean): number =>
  testnet ? (TESTNET_NETUID_PAIRS.find(([, t]) => t === netuid)?.[0] ?? netuid) : netuid;

/** Compare dotted versions numerically ("0.0.10" > "0.0.9"); non-numeric parts compare as text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const d = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Spec §11 circuit choice for `proof_of_weights`: metadata netuid equals the caller's netuid (testnet
 * netuids mapped to mainnet) and `weights_version` matches, else the highest `version` for the netuid.
 * ⚠ Metadata netuids stored as strings ("2") never match, as upstream.
 */
export function selectProofOfWeightsCircuit(
  circuits: readonly ExternalCircuitInfo[],
  netuid: number,
  weightsVersion: number | undefined,
  testnet: boolean,
): ExternalCircuitInfo | undefined {
  const target = mainnetNetuid(netuid, testnet);
  const forNetuid = circuits.filter((c) => c.netuid === target);
  if (weightsVersion !== undefined) {
    const exact = forNetuid.find((c) => c.weights_version === weightsVersion);
    if (exact) return exact;
  }
  return [...forNetuid].sort((a, b) => compareVersions(b.version, a.version))[0];
}
