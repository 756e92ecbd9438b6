import { OWNER_BURN_SHARE } from '../../sn2/constants.js';

/**
 * §10.2 weight vector (length n, uid order): scores copied for non-zero uids, then the owner burn
 * (miners × 0.2, the owner's uid := 0.8) when the subnet owner's hotkey is registered.
 * Reproduces upstream's quirk: the copy is skipped when UID 0 holds the only non-zero score.
 */
export function weightVector(scores: readonly number[], n: number, ownerUid: number | undefined): number[] {
  const w = new Array<number>(n).fill(0);
  const nonZero = scores.slice(0, n).flatMap((s, uid) => (s !== 0 ? [uid] : []));
  if (nonZero.reduce((a, b) => a + b, 0) !== 0) for (const uid of nonZero) w[uid] = scores[uid];
  if (ownerUid !== undefined && ownerUid >= 0 && ownerUid < n) {
    for (let uid = 0; uid < n; uid++) w[uid] *= 1 - OWNER_BURN_SHARE;
    w[ownerUid] = OWNER_BURN_SHARE;
  }
  return w;
}
