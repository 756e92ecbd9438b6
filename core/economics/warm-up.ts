/**
 * The 2026 protocol's scoring (sn2-2026 §5.2): weight only after `PERFORMANCE_MIN_SAMPLES` scored
 * responses inside the validator's `VERIFICATION_WINDOW_BLOCKS` window. A new miner starts at zero.
 */
export const PERFORMANCE_MIN_SAMPLES = 100;
export const VERIFICATION_WINDOW_BLOCKS = 7200;

export interface WarmUp {
  minSamples: number;
  windowBlocks: number;
  windowHours: number;
  immunityCoversWindow: boolean;
  basis: string;
}

export function warmUp(immunityBlocks: number, blockSeconds: number): WarmUp {
  const windowHours = (VERIFICATION_WINDOW_BLOCKS * blockSeconds) / 3600;
  return {
    minSamples: PERFORMANCE_MIN_SAMPLES,
    windowBlocks: VERIFICATION_WINDOW_BLOCKS,
    windowHours,
    immunityCoversWindow: immunityBlocks >= VERIFICATION_WINDOW_BLOCKS,
    basis:
      `On the 2026 protocol a miner earns nothing until it has ${PERFORMANCE_MIN_SAMPLES} scored responses ` +
      `within the validator's ${VERIFICATION_WINDOW_BLOCKS}-block window (≈ ${windowHours.toFixed(0)} h here; ` +
      'sn2-2026 §5.2); how fast they come depends on the validator’s query rate, which is not on chain.',
  };
}
