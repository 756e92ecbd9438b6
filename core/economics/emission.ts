/**
 * The subnet's alpha emission and what share of it reaches miners (dynamic TAO).
 *
 * Each block the subnet receives `alpha_out_emission` alpha (DynamicInfo, subtensor.md §6). At each
 * epoch subtensor's coinbase (`run_coinbase.rs`, `drain_pending_emission`) takes the owner cut
 * (`SubnetOwnerCut`) and splits the rest half to miners (incentive) and half to validators
 * (dividends, root's share taken from that half). When no uid has incentive, the miners' half goes to
 * the validators too (seen on the spec-293 devnet). The shared spec does not state the split; this is
 * what the subtensor source does.
 */
export const MINER_SHARE_AFTER_OWNER_CUT = 0.5;

const RAO_PER_ALPHA = 1e9;

export const blocksPerDay = (blockSeconds: number): number => 86_400 / blockSeconds;

/** One epoch is tempo + 1 blocks (subtensor.md §5 `Tempo`). */
export const epochsPerDay = (blockSeconds: number, tempo: number): number =>
  blocksPerDay(blockSeconds) / (tempo + 1);

/**
 * TAO per alpha as the SDK's `DynamicInfo.price`: the pool's `tao_in / alpha_in`. The SDK falls back
 * to 1 for an empty pool; we report no price instead, since there is nothing to sell into.
 */
export function poolPrice(taoInRao: bigint, alphaInRao: bigint): number | null {
  if (alphaInRao <= 0n || taoInRao <= 0n) return null;
  return Number(taoInRao) / Number(alphaInRao);
}

/** The miners' nominal alpha per day: emission per block × blocks per day × (1 − owner cut) × ½. */
export function minersAlphaPerDay(
  alphaOutEmissionRao: bigint,
  ownerCut: number,
  blockSeconds: number,
): number {
  return (
    (Number(alphaOutEmissionRao) / RAO_PER_ALPHA) *
    blocksPerDay(blockSeconds) *
    (1 - ownerCut) *
    MINER_SHARE_AFTER_OWNER_CUT
  );
}

export const toTao = (alpha: number, price: number | null): number | null =>
  price === null ? null : alpha * price;
