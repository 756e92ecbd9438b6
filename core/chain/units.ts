/** 1 TAO = 10^9 rao. */
export const TAO = 1_000_000_000n;

export const raoToTao = (rao: bigint): number => Number(rao) / 1e9;

/** Decimal TAO string ("1.5") → rao, exact (no float rounding). */
export function taoToRao(tao: string | number): bigint {
  const text = typeof tao === 'number' ? tao.toFixed(9) : tao.trim();
  const m = /^(\d+)(?:\.(\d{0,9})\d*)?$/.exec(text);
  if (!m) throw new RangeError(`not a TAO amount: ${text}`);
  return BigInt(m[1]) * TAO + BigInt((m[2] ?? '').padEnd(9, '0'));
}
