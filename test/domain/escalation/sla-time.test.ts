import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { addSlaTime, slaTimeBetween } from "../../../src/domain/sla-time.js";
import { DAY, HOUR } from "../../helpers/records.js";

const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString();

describe("addSlaTime with business days", () => {
  const cases: Array<{ name: string; timezone: string; start: string; duration: number; due: string }> = [
    {
      name: "skips a weekend in UTC",
      timezone: "UTC",
      start: "2026-11-06T12:00:00Z", // Friday
      duration: DAY,
      due: "2026-11-09T12:00:00.000Z",
    },
    {
      name: "keeps local noon across Berlin's spring change (CET → CEST)",
      timezone: "Europe/Berlin",
      start: "2026-03-27T11:00:00Z", // Fri 12:00 CET
      duration: DAY,
      due: "2026-03-30T10:00:00.000Z", // Mon 12:00 CEST
    },
    {
      name: "keeps local noon across Berlin's autumn change (CEST → CET)",
      timezone: "Europe/Berlin",
      start: "2026-10-23T10:00:00Z", // Fri 12:00 CEST
      duration: DAY,
      due: "2026-10-26T11:00:00.000Z", // Mon 12:00 CET
    },
    {
      name: "rolls into Monday across New York's spring change",
      timezone: "America/New_York",
      start: "2026-03-06T22:00:00Z", // Fri 17:00 EST, 7 h of Friday left
      duration: 8 * HOUR,
      due: "2026-03-09T05:00:00.000Z", // Mon 01:00 EDT
    },
    {
      name: "spans New York's autumn change",
      timezone: "America/New_York",
      start: "2026-10-30T13:00:00Z", // Fri 09:00 EDT
      duration: 2 * DAY,
      due: "2026-11-03T14:00:00.000Z", // Tue 09:00 EST
    },
    {
      name: "starts on a weekend from Monday 00:00 local",
      timezone: "Europe/Berlin",
      start: "2026-11-07T09:00:00Z", // Sat 10:00 CET
      duration: HOUR,
      due: "2026-11-09T00:00:00.000Z", // Mon 01:00 CET
    },
    {
      name: "uses the local weekend with a half-hour offset (Asia/Kolkata)",
      timezone: "Asia/Kolkata",
      start: "2026-11-06T14:30:00Z", // Fri 20:00 IST, 4 h of Friday left
      duration: 6 * HOUR,
      due: "2026-11-08T20:30:00.000Z", // Mon 02:00 IST, still Sunday in UTC
    },
    {
      name: "counts Friday evening although UTC already says Saturday (Pacific/Honolulu)",
      timezone: "Pacific/Honolulu",
      start: "2026-11-07T06:00:00Z", // Fri 20:00 HST
      duration: 2 * HOUR,
      due: "2026-11-07T08:00:00.000Z", // Fri 22:00 HST
    },
    {
      name: "skips the local weekend with a negative offset (Pacific/Honolulu)",
      timezone: "Pacific/Honolulu",
      start: "2026-11-07T06:00:00Z", // Fri 20:00 HST
      duration: 5 * HOUR,
      due: "2026-11-09T11:00:00.000Z", // Mon 01:00 HST
    },
    {
      name: "puts a deadline that ends with Friday on Monday 00:00, not on Saturday",
      timezone: "Europe/Berlin",
      start: "2026-11-01T23:00:00Z", // Mon 00:00 CET
      duration: 5 * DAY,
      due: "2026-11-08T23:00:00.000Z", // next Mon 00:00 CET
    },
    {
      name: "moves a zero duration that starts on Sunday to Monday 00:00",
      timezone: "UTC",
      start: "2026-11-01T10:00:00Z", // Sunday
      duration: 0,
      due: "2026-11-02T00:00:00.000Z",
    },
    {
      name: "counts a 23-hour Friday as 23 hours (Asia/Jerusalem springs forward on a Friday)",
      timezone: "Asia/Jerusalem",
      start: "2026-03-26T22:00:00Z", // Fri 00:00 IST
      duration: 23 * HOUR,
      due: "2026-03-29T21:00:00.000Z", // Mon 00:00 IDT: Friday is used up
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const clock = { businessDays: true, timezone: c.timezone };
      const due = addSlaTime(at(c.start), c.duration, clock);
      assert.equal(iso(due), c.due);
      assert.equal(slaTimeBetween(at(c.start), due, clock), c.duration, "slaTimeBetween is the inverse");
    });
  }
});

describe("addSlaTime without business days", () => {
  it("adds real elapsed time, so a day across Berlin's spring change ends at 13:00 local", () => {
    const clock = { businessDays: false, timezone: "Europe/Berlin" };
    assert.equal(iso(addSlaTime(at("2026-03-28T11:00:00Z"), DAY, clock)), "2026-03-29T11:00:00.000Z");
  });

  it("treats a negative duration as none", () => {
    assert.equal(addSlaTime(at("2026-11-04T10:00:00Z"), -DAY, { businessDays: false, timezone: "UTC" }), at("2026-11-04T10:00:00Z"));
  });

  it("keeps an infinite duration infinite", () => {
    assert.equal(addSlaTime(0, Infinity, { businessDays: true, timezone: "UTC" }), Infinity);
  });
});

describe("slaTimeBetween", () => {
  const cases: Array<{ name: string; timezone: string; businessDays: boolean; start: string; end: string; expected: number }> = [
    { name: "a weekend counts nothing", timezone: "Europe/Berlin", businessDays: true, start: "2026-11-07T08:00:00Z", end: "2026-11-08T20:00:00Z", expected: 0 },
    { name: "Friday noon to Monday noon over Berlin's spring change is one day", timezone: "Europe/Berlin", businessDays: true, start: "2026-03-27T11:00:00Z", end: "2026-03-30T10:00:00Z", expected: DAY },
    { name: "Friday noon to Monday noon over New York's autumn change is one day", timezone: "America/New_York", businessDays: true, start: "2026-10-30T16:00:00Z", end: "2026-11-02T17:00:00Z", expected: DAY },
    { name: "a full week is five days", timezone: "Asia/Kolkata", businessDays: true, start: "2026-11-02T00:00:00Z", end: "2026-11-09T00:00:00Z", expected: 5 * DAY },
    { name: "without business days it is elapsed time", timezone: "Europe/Berlin", businessDays: false, start: "2026-03-28T11:00:00Z", end: "2026-03-30T10:00:00Z", expected: 47 * HOUR },
    { name: "an end before the start is zero", timezone: "UTC", businessDays: true, start: "2026-11-05T00:00:00Z", end: "2026-11-04T00:00:00Z", expected: 0 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const clock = { businessDays: c.businessDays, timezone: c.timezone };
      assert.equal(slaTimeBetween(at(c.start), at(c.end), clock), c.expected);
    });
  }
});
