// Weeks as people on the digest's schedule see them: Monday to Sunday in the digest's time zone.
import { wallClock } from "../zoned-time.js";

const DAY_MS = 86_400_000;

/** Local midnight of the Monday of `ms`'s week, as a wall-clock value (UTC arithmetic). */
function mondayWall(ms: number, timezone: string): number {
  const wall = wallClock(ms, timezone);
  const midnight = wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
  const weekday = new Date(midnight).getUTCDay();
  return midnight - ((weekday + 6) % 7) * DAY_MS;
}

/** The instant a local midnight names; a midnight skipped by DST resolves to the first instant after it. */
function instantOfWall(wall: number, timezone: string): number {
  const guess = wall - (wallClock(wall, timezone) - wall);
  return wall - (wallClock(guess, timezone) - guess);
}

/** ISO date (YYYY-MM-DD) of the Monday of `now`'s week in `timezone`. */
export function weekOf(now: number, timezone: string): string {
  return new Date(mondayWall(now, timezone)).toISOString().slice(0, 10);
}

export interface WeekBucket {
  /** Monday, YYYY-MM-DD. */
  week: string;
  from: number;
  /** Exclusive. */
  to: number;
}

/**
 * The `count` whole weeks before `now`'s week, oldest first. The running week is left out: a digest sent on
 * Monday morning would otherwise end its chart on a near-empty week.
 */
export function weeksBefore(now: number, timezone: string, count: number): WeekBucket[] {
  const monday = mondayWall(now, timezone);
  const buckets: WeekBucket[] = [];
  for (let back = count; back >= 1; back -= 1) {
    const startWall = monday - back * 7 * DAY_MS;
    buckets.push({
      week: new Date(startWall).toISOString().slice(0, 10),
      from: instantOfWall(startWall, timezone),
      to: instantOfWall(startWall + 7 * DAY_MS, timezone),
    });
  }
  return buckets;
}
