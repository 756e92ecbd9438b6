import type { Percentiles } from '../../../core/contract/index.js';
import { dash, formatNumber } from '../format.js';

export const alpha = (x: number | null | undefined): string =>
  x === null || x === undefined ? dash : `${formatNumber(x)} α`;

export const taoApprox = (x: number | null | undefined): string =>
  x === null || x === undefined ? 'no TAO price' : `≈ τ ${formatNumber(x)}`;

export const daysText = (d: number | null): string =>
  d === null ? 'never at today’s rates' : `${formatNumber(d, 1)} days`;

export const hoursText = (h: number): string =>
  h >= 48 ? `${formatNumber(h / 24, 1)} days` : `${formatNumber(h, 1)} h`;

export const PERCENTILES = ['p25', 'p50', 'p75', 'p90'] as const satisfies ReadonlyArray<keyof Percentiles>;
