// SLA time in the policy's time zone. A duration is real elapsed time; with business days, the instants that
// fall on a local Saturday or Sunday do not count. Day boundaries are local midnights found through Intl,
// so days of 23 or 25 hours around DST changes are measured as they really are.
import { wallClock as zonedWallClock } from "./zoned-time.js";
import type { WorkingHours } from "./policy.js";

export interface SlaClock {
  businessDays: boolean;
  /** IANA time zone; an unknown zone throws a RangeError from Intl (config validates it first). */
  timezone: string;
}

export interface WorkingClock extends SlaClock {
  workingHours: WorkingHours | null;
}

const DAY_MS = 86_400_000;

interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

interface LocalTime extends LocalDate {
  secondOfDay: number;
}

function localTime(ms: number, timezone: string): LocalTime {
  const wall = new Date(zonedWallClock(ms, timezone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    secondOfDay: wall.getUTCHours() * 3600 + wall.getUTCMinutes() * 60 + wall.getUTCSeconds(),
  };
}

/** Local wall-clock time expressed as if it were UTC, so plain arithmetic works on it. */
function wallClock(date: LocalDate, secondOfDay = 0): number {
  return Date.UTC(date.year, date.month - 1, date.day) + secondOfDay * 1000;
}

function offsetAt(ms: number, timezone: string): number {
  const local = localTime(ms, timezone);
  return wallClock(local, local.secondOfDay) - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The instant a local wall-clock time names. Repeated times (clocks going back) resolve to the first
 * occurrence; skipped times (clocks going forward) move forward by the gap, as Temporal's "compatible" does.
 */
function instantOf(wall: number, timezone: string): number {
  const earlier = wall - offsetAt(wall - DAY_MS, timezone);
  const later = wall - offsetAt(wall + DAY_MS, timezone);
  const valid = [earlier, later].filter((instant) => instant + offsetAt(instant, timezone) === wall);
  return valid.length > 0 ? Math.min(...valid) : earlier;
}

function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(wallClock(date) + days * DAY_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

function isWeekday(date: LocalDate): boolean {
  const weekday = new Date(wallClock(date)).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

// Deadlines of many PRs walk over the same days, and each day start costs several Intl calls; a bounded
// memo keeps a digest over hundreds of PRs cheap without changing any result.
const dayStarts = new Map<string, number>();
const DAY_STARTS_KEPT = 8192;

function startOfDay(date: LocalDate, timezone: string): number {
  const key = `${timezone}|${date.year}-${date.month}-${date.day}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    if (dayStarts.size >= DAY_STARTS_KEPT) dayStarts.clear();
    start = instantOf(wallClock(date), timezone);
    dayStarts.set(key, start);
  }
  return start;
}

/**
 * The instant when `durationMs` of SLA time has passed since `startMs`. With business days the result never
 * falls on a weekend: time that runs out exactly at Friday's end is due on Monday at 00:00 local, which is
 * the same amount of SLA time and keeps deadlines (and the nudges timed by them) off weekends.
 */
export function addSlaTime(startMs: number, durationMs: number, clock: SlaClock): number {
  let remaining = Math.max(0, durationMs);
  if (!clock.businessDays || remaining === Infinity) return startMs + remaining;
  let date: LocalDate = localTime(startMs, clock.timezone);
  let cursor = startMs;
  for (;;) {
    const next = addDays(date, 1);
    const dayEnd = startOfDay(next, clock.timezone);
    if (isWeekday(date)) {
      if (remaining < dayEnd - cursor) return cursor + remaining;
      remaining -= dayEnd - cursor;
    }
    cursor = dayEnd;
    date = next;
  }
}

/** SLA time elapsed from `startMs` to `endMs`; 0 when `endMs` is not later. The inverse of addSlaTime. */
export function slaTimeBetween(startMs: number, endMs: number, clock: SlaClock): number {
  if (!(endMs > startMs)) return 0;
  if (!clock.businessDays || endMs === Infinity) return endMs - startMs;
  let total = 0;
  let date: LocalDate = localTime(startMs, clock.timezone);
  let cursor = startMs;
  while (cursor < endMs) {
    const next = addDays(date, 1);
    const dayEnd = startOfDay(next, clock.timezone);
    if (isWeekday(date)) total += Math.min(dayEnd, endMs) - cursor;
    cursor = dayEnd;
    date = next;
  }
  return total;
}

/**
 * `ms` itself when it lies inside the working-hours window (on a weekday, with business days), else the
 * start of the next window. No window, or a window that cannot hold any time, means any time will do.
 */
export function nextWorkingMoment(ms: number, clock: WorkingClock): number {
  const hours = clock.workingHours;
  if (hours === null || !Number.isFinite(ms) || !holdsTime(hours)) return ms;
  const open = (date: LocalDate): boolean => !clock.businessDays || isWeekday(date);
  const windowStart = (date: LocalDate): number => instantOf(wallClock(date, hours.startMinute * 60), clock.timezone);
  const local = localTime(ms, clock.timezone);
  if (open(local) && local.secondOfDay < hours.endMinute * 60) {
    if (local.secondOfDay >= hours.startMinute * 60) return ms;
    // In the hour that repeats when clocks go back, the window may already have opened at the first pass.
    return Math.max(ms, windowStart(local));
  }
  let date: LocalDate = local;
  for (let i = 0; i < 7; i += 1) {
    date = addDays(date, 1);
    if (open(date)) return windowStart(date);
  }
  return ms;
}

function holdsTime(hours: WorkingHours): boolean {
  return hours.startMinute >= 0 && hours.startMinute < hours.endMinute && hours.endMinute <= 1440;
}
