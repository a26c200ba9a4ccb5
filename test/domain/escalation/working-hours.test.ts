import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { WorkingHours } from "../../../src/domain/policy.js";
import { nextWorkingMoment } from "../../../src/domain/sla-time.js";

const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString();
const NINE_TO_FIVE: WorkingHours = { startMinute: 9 * 60, endMinute: 17 * 60 };

describe("nextWorkingMoment", () => {
  const cases: Array<{
    name: string;
    timezone: string;
    businessDays: boolean;
    hours?: WorkingHours | null;
    now: string;
    expected: string;
  }> = [
    { name: "inside the window: now", timezone: "Europe/Berlin", businessDays: true, now: "2026-11-04T09:00:00Z", expected: "2026-11-04T09:00:00.000Z" },
    { name: "before the window: today's start", timezone: "Europe/Berlin", businessDays: true, now: "2026-11-04T06:00:00Z", expected: "2026-11-04T08:00:00.000Z" },
    { name: "after the window: tomorrow's start", timezone: "Europe/Berlin", businessDays: true, now: "2026-11-04T17:00:00Z", expected: "2026-11-05T08:00:00.000Z" },
    { name: "the end minute is outside", timezone: "Europe/Berlin", businessDays: true, now: "2026-11-04T16:00:00Z", expected: "2026-11-05T08:00:00.000Z" },
    { name: "Friday evening: Monday's start, across Berlin's spring change", timezone: "Europe/Berlin", businessDays: true, now: "2026-03-27T17:00:00Z", expected: "2026-03-30T07:00:00.000Z" },
    { name: "Saturday noon: Monday's start", timezone: "Europe/Berlin", businessDays: true, now: "2026-11-07T11:00:00Z", expected: "2026-11-09T08:00:00.000Z" },
    { name: "Saturday evening without business days: Sunday's start", timezone: "Europe/Berlin", businessDays: false, now: "2026-11-07T17:30:00Z", expected: "2026-11-08T08:00:00.000Z" },
    { name: "half-hour offset (Asia/Kolkata) one minute early", timezone: "Asia/Kolkata", businessDays: true, now: "2026-11-04T03:29:00Z", expected: "2026-11-04T03:30:00.000Z" },
    { name: "negative offset: Friday evening local although Saturday in UTC", timezone: "America/New_York", businessDays: true, now: "2026-11-07T00:30:00Z", expected: "2026-11-09T14:00:00.000Z" },
    {
      name: "a window start skipped by the spring change opens an hour later (America/New_York)",
      timezone: "America/New_York",
      businessDays: false,
      hours: { startMinute: 2 * 60 + 30, endMinute: 5 * 60 },
      now: "2026-03-08T06:00:00Z", // Sun 01:00 EST; 02:30 does not exist that night
      expected: "2026-03-08T07:30:00.000Z", // 03:30 EDT
    },
    { name: "no working hours: any time", timezone: "Europe/Berlin", businessDays: true, hours: null, now: "2026-11-07T23:00:00Z", expected: "2026-11-07T23:00:00.000Z" },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const clock = { timezone: c.timezone, businessDays: c.businessDays, workingHours: c.hours === undefined ? NINE_TO_FIVE : c.hours };
      assert.equal(iso(nextWorkingMoment(at(c.now), clock)), c.expected);
    });
  }
});
