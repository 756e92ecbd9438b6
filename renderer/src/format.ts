/** Display helpers: plain, locale-aware numbers; "—" for unknown values. */

export const dash = '—';

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return dash;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return dash;
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function formatTao(tao: number | null | undefined): string {
  if (tao === null || tao === undefined) return dash;
  return `τ ${tao.toLocaleString(undefined, { maximumFractionDigits: 9 })}`;
}

export function formatNumber(n: number | null | undefined, digits = 4): string {
  if (n === null || n === undefined) return dash;
  return n.toLocaleString(undefined, { maximumFractionDigits: digits });
}

export function formatTime(ms: number): string {
  return new Date(ms).toLocaleTimeString(undefined, { hour12: false });
}

export function formatDateTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { hour12: false });
}

export const percent = (ratio: number): string => `${(ratio * 100).toFixed(ratio === 1 ? 0 : 1)} %`;

export const shortAddress = (ss58: string | undefined | null): string =>
  ss58 ? (ss58.length > 14 ? `${ss58.slice(0, 6)}…${ss58.slice(-6)}` : ss58) : dash;
