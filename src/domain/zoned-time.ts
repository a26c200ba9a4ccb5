// Wall-clock time in an IANA zone, without a date library: Intl says what a clock there shows.

// Building a DateTimeFormat costs far more than using one, and the zone set of one process is tiny.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** The local wall-clock time of `ms`, written as if it were UTC so plain date arithmetic works on it. */
export function wallClock(ms: number, timezone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timezone).formatToParts(ms)) fields[part.type] = Number(part.value);
  const at = (name: string): number => fields[name] ?? 0;
  return Date.UTC(at("year"), at("month") - 1, at("day"), at("hour"), at("minute"), at("second"));
}
