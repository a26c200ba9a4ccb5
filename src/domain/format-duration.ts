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

const WORDS: Array<[string, number]> = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
  ["second", 1_000],
];

/** The largest whole unit, in words, rounded down: "393 days", "5 hours", "less than a second". */
export function durationInWords(ms: number): string {
  for (const [unit, size] of WORDS) {
    const amount = Math.floor(Math.max(0, ms) / size);
    if (amount >= 1) return amount === 1 ? `1 ${unit}` : `${amount} ${unit}s`;
  }
  return "less than a second";
}

/** A target as an adjective ("7-day", "36-hour"): the largest unit that divides it exactly, so it is never rounded. */
export function durationAdjective(ms: number): string {
  const exact = WORDS.find(([, size]) => ms >= size && ms % size === 0);
  return exact === undefined ? formatDuration(ms) : `${ms / exact[1]}-${exact[0]}`;
}
