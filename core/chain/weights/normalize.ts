import { UserError } from '../../util/errors.js';

export const U16_MAX = 65535;

/** Python `round`: half to even. */
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** Python's repr of a float list, enough for the SDK's error messages. */
const pyList = (xs: number[]) =>
  `[${xs.map((x) => (Number.isInteger(x) && Math.abs(x) < 1e16 ? `${x}.0` : String(x))).join(', ')}]`;
const pyIntList = (xs: number[]) => `[${xs.join(', ')}]`;

/**
 * SDK `convert_weights_and_uids_for_emit`: weights cast to float32, divided by their max, scaled to
 * u16 with half-even rounding; zero entries dropped; input order kept. Sum 0 → nothing to set.
 */
export function convertWeightsAndUidsForEmit(
  uids: readonly number[],
  weights: readonly number[],
): { uids: number[]; values: number[] } {
  const w = weights.map((x) => Math.fround(x));
  if (w.some((x) => x < 0))
    throw new UserError(`Passed weight is negative cannot exist on chain ${pyList(w)}`);
  if (uids.some((u) => u < 0))
    throw new UserError(`Passed uid is negative cannot exist on chain ${pyIntList([...uids])}`);
  if (uids.length !== w.length) {
    throw new UserError(
      `Passed weights and uids must have the same length, got ${uids.length} and ${w.length}`,
    );
  }
  if (w.reduce((a, b) => a + b, 0) === 0) return { uids: [], values: [] };
  const max = Math.max(...w);
  const outUids: number[] = [];
  const values: number[] = [];
  w.forEach((x, i) => {
    const v = roundHalfEven((x / max) * U16_MAX);
    if (v !== 0) {
      outUids.push(uids[i]);
      values.push(v);
    }
  });
  return { uids: outUids, values };
}
