const UNITS: Array<[string, number]> = [
  ["d", 86_400_000],
  ["h", 3_600_000],
  ["m", 60_000],
  ["s", 1_000],
];

/** Two most significant units ("2d 3h", "45m 10s", "0s"): precise enough to act on, short enough to scan. */
export function formatDuration(ms: number): string {
  let rest = Math.max(0, Math.round(ms));
  const parts: string[] = [];
  let unitsShown = 0;
  for (const [unit, size] of UNITS) {
    if (unitsShown === 2) break;
    const amount = Math.floor(rest / size);
    if (amount > 0 || unitsShown > 0) {
      unitsShown += 1;
      if (amount > 0) parts.push(`${amount}${unit}`);
      rest -= amount * size;
    }
  }
  return parts.length === 0 ? "0s" : parts.join(" ");
}
