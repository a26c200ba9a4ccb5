// Times for text that is rendered again and again (check runs are re-rendered on every evaluation): absolute
// dates, and relative text only to the day, so the text stays the same and the write can be skipped.
const DAY_MS = 86_400_000;

/** "2026-11-30" (UTC). */
export function formatDate(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : "never";
}

/** Whole days, rounded down: "less than a day", "1 day", "12 days". */
export function dayCount(ms: number): string {
  const days = Math.floor(Math.max(0, ms) / DAY_MS);
  if (days === 0) return "less than a day";
  return days === 1 ? "1 day" : `${days} days`;
}

/** For titles: "3d", or null under a day (the caller words that case itself). */
export function shortDays(ms: number): string | null {
  const days = Math.floor(Math.max(0, ms) / DAY_MS);
  return days === 0 ? null : `${days}d`;
}

/** "in 3 days", "within a day", "2 days ago", "less than a day ago". */
export function relativeDays(at: number, now: number): string {
  if (at > now) return at - now < DAY_MS ? "within a day" : `in ${dayCount(at - now)}`;
  return `${dayCount(now - at)} ago`;
}
