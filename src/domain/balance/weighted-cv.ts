/**
 * The coefficient of variation (差异系数) of the national supervision methods
 * (DOMAIN.md §2.3): weighted by enrolment and in population form, i.e. divided by the total
 * number of students, not by n or n − 1. An unweighted CV can land on the other side of the
 * threshold, so the weights are not optional here.
 */

export type WeightedPoint = { weight: number; value: number };
export type WeightedStats = {
  /** Number of schools in the computation. */
  n: number;
  /** Σ P_i, the total students. */
  totalWeight: number;
  /** X̄ = Σ P_i·X_i / Σ P_i */
  mean: number;
  /** S = sqrt(Σ P_i·(X_i − X̄)² / Σ P_i) */
  sd: number;
  /** CV = S / X̄; null when X̄ is 0 (no resource anywhere: the ratio is undefined). */
  cv: number | null;
};

export function weightedStats(points: readonly WeightedPoint[]): WeightedStats {
  if (points.length === 0) throw new RangeError("weightedStats needs at least one school");
  let totalWeight = 0;
  let sum = 0;
  for (const p of points) {
    if (!(p.weight > 0)) throw new RangeError("every weight (students) must be positive");
    totalWeight += p.weight;
    sum += p.weight * p.value;
  }
  const mean = sum / totalWeight;
  let squares = 0;
  for (const p of points) squares += p.weight * (p.value - mean) ** 2;
  const sd = Math.sqrt(squares / totalWeight);
  return { n: points.length, totalWeight, mean, sd, cv: mean === 0 ? null : sd / mean };
}
