// Durations as people write them in YAML: an integer and a unit, or several such parts from the largest
// unit to the smallest ("1d12h", "1w 2d" — the space form is what the app itself prints, e.g. "2d 3h").
// There is no month or year: their length varies, and an SLA must mean the same time everywhere.

const UNITS: ReadonlyArray<readonly [unit: string, ms: number]> = [
  ["w", 604_800_000],
  ["d", 86_400_000],
  ["h", 3_600_000],
  ["m", 60_000],
  ["s", 1_000],
];

function grammar(capture: boolean): string {
  const amount = capture ? "(\\d+)" : "\\d+";
  return `(?=\\d)${UNITS.map(([unit]) => `(?:${amount}${unit}\\s*)?`).join("")}`;
}

/** The grammar without anchors, shared with the JSON Schema so that editors and the app agree. */
export const DURATION_PATTERN = grammar(false);

const DURATION = new RegExp(`^${grammar(true)}$`);

/** Milliseconds for "30s", "15m", "36h", "2d", "1w" or a combination such as "1d12h"; null when not a duration. */
export function parseDuration(text: string): number | null {
  const match = DURATION.exec(text.trim());
  if (match === null) return null;
  let ms = 0;
  UNITS.forEach(([, size], index) => {
    const amount = match[index + 1];
    if (amount !== undefined) ms += Number(amount) * size;
  });
  // Digits beyond float precision would silently become a different duration.
  return Number.isSafeInteger(ms) ? ms : null;
}

/**
 * The one spelling of a duration ("72h" and "3d" are both "3d"), in days and smaller units so that it reads
 * like the number of days people count SLAs in. Stage ids are built from it, so it must never change.
 */
export function canonicalDuration(ms: number): string {
  let rest = Math.max(0, Math.round(ms / 1000)) * 1000;
  const parts: string[] = [];
  for (const [unit, size] of UNITS.slice(1)) {
    const amount = Math.floor(rest / size);
    if (amount > 0) parts.push(`${amount}${unit}`);
    rest -= amount * size;
  }
  return parts.length === 0 ? "0s" : parts.join("");
}
