/**
 * The float reference model of the PoW circuit (§9.6), for UI estimates and as a documented
 * cross-check of the witness method. Scores MUST come from the witness: the circuit's fixed-point
 * tangent differs from this in `frac` by up to 0.064 at the §9.6 table's samples and 0.066 in a
 * 256-point witness sweep of x (near x ≈ 0.96).
 */
export interface FloatScoreInput {
  verified: boolean;
  previousScore: number;
  maxScore: number;
  responseTime: number;
  minimumResponseTime: number;
  maximumResponseTime: number;
}

const FLATTENING = 0.9;
const MAX_RT_DECIMAL = 0.99;
const RATE_OF_DECAY = 0.4;
const RATE_OF_RECOVERY = 0.1;

/** Normalised tangent curve: 0 → 0, 0.5 → 0.5, 1 → 1, flattened by 0.9. */
export function normalisedTangent(x: number): number {
  const lo = Math.tan(-0.5 * Math.PI * FLATTENING);
  const hi = Math.tan(0.5 * Math.PI * FLATTENING);
  return (Math.tan((x - 0.5) * Math.PI * FLATTENING) - lo) / (hi - lo);
}

/** Share of the maximum score a verified response earns for its speed. */
export function speedFraction(rt: number, minRt: number, maxRt: number): number {
  const maxAdj = maxRt === minRt ? maxRt + 1 : maxRt;
  const x = Math.min(Math.max((rt - minRt) / (maxAdj - minRt), 0), MAX_RT_DECIMAL);
  return Math.min(Math.max(1 - normalisedTangent(x), 0), 1);
}

export function floatScore(i: FloatScoreInput): number {
  if (!i.verified) return i.previousScore - RATE_OF_DECAY * i.previousScore;
  const frac = speedFraction(i.responseTime, i.minimumResponseTime, i.maximumResponseTime);
  return i.previousScore + RATE_OF_RECOVERY * (i.maxScore * frac - i.previousScore);
}
