/**
 * Percentile by linear interpolation between closest ranks (the "R-7" rule spreadsheets and numpy use),
 * so a median of two values is their mean and small samples do not jump between neighbours.
 */
export function percentile(sortedAscending: readonly number[], p: number): number | null {
  const n = sortedAscending.length;
  if (n === 0) return null;
  const rank = (n - 1) * p;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sortedAscending[low] as number;
  const highValue = sortedAscending[high] as number;
  return lowValue + (highValue - lowValue) * (rank - low);
}

export interface DurationSummary {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
  meanMs: number | null;
}

export function summarise(durations: readonly number[]): DurationSummary {
  const sorted = [...durations].sort((a, b) => a - b);
  const total = sorted.reduce((sum, d) => sum + d, 0);
  return {
    count: sorted.length,
    medianMs: percentile(sorted, 0.5),
    p90Ms: percentile(sorted, 0.9),
    meanMs: sorted.length === 0 ? null : total / sorted.length,
  };
}
