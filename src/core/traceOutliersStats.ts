/**
 * Robust statistics for outlier flags: median, median absolute deviation (MAD), percentiles and
 * the Iglewicz & Hoaglin modified z-score.
 */

/** 0.6745 ≈ Φ⁻¹(0.75): scales the MAD to the standard deviation for normal data (Iglewicz & Hoaglin, 1993). */
export const MODIFIED_Z_SCALE = 0.6745;

/** Median of ascending `sorted` (mean of the middle two for an even count); NaN when empty. */
export function sortedMedian(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = n >> 1;
  return n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of ascending `sorted`, interpolating linearly between closest ranks
 * (Hyndman & Fan type 7, the default of R and NumPy); NaN when empty.
 */
export function sortedPercentile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(n - 1, lo + 1)] as number;
  return a + (h - lo) * (b - a);
}

/** Median and MAD of `values` (any order). */
export function medianAbsoluteDeviation(values: readonly number[]): { median: number; mad: number; sorted: number[] } {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sortedMedian(sorted);
  const deviations = sorted.map((v) => Math.abs(v - median)).sort((a, b) => a - b);
  return { median, mad: sortedMedian(deviations), sorted };
}

/** Modified z-score `0.6745 · (x − median) / MAD` (only meaningful for MAD > 0). */
export function modifiedZScore(x: number, median: number, mad: number): number {
  return (MODIFIED_Z_SCALE * (x - median)) / mad;
}
