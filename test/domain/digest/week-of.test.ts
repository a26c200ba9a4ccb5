import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { weekOf, weeksBefore } from "../../../src/domain/digest/week-of.js";

const at = (iso: string): number => Date.parse(iso);

describe("weekOf", () => {
  const cases: Array<[string, string, string]> = [
    ["2026-11-23T09:00:00Z", "UTC", "2026-11-23"],
    ["2026-11-29T23:59:59Z", "UTC", "2026-11-23"],
    ["2026-11-30T00:00:00Z", "UTC", "2026-11-30"],
    // Sunday evening in UTC is already Monday in Tokyo, and still Sunday in Los Angeles.
    ["2026-11-29T20:00:00Z", "Asia/Tokyo", "2026-11-30"],
    ["2026-11-30T05:00:00Z", "America/Los_Angeles", "2026-11-23"],
    ["2026-11-30T08:00:00Z", "America/Los_Angeles", "2026-11-30"],
    // across a month and a year boundary
    ["2027-01-01T12:00:00Z", "Europe/Berlin", "2026-12-28"],
    // the night clocks go back in Berlin (Sunday 25 October 2026)
    ["2026-10-25T22:30:00Z", "Europe/Berlin", "2026-10-19"],
    ["2026-10-25T23:30:00Z", "Europe/Berlin", "2026-10-26"],
  ];
  for (const [instant, zone, monday] of cases) {
    it(`${instant} in ${zone} → ${monday}`, () => assert.equal(weekOf(at(instant), zone), monday));
  }
});

describe("weeksBefore", () => {
  it("gives whole weeks before the running one, oldest first, from local midnights", () => {
    const weeks = weeksBefore(at("2026-11-02T09:00:00Z"), "Europe/Berlin", 2);
    assert.deepEqual(weeks, [
      { week: "2026-10-19", from: at("2026-10-18T22:00:00Z"), to: at("2026-10-25T23:00:00Z") },
      { week: "2026-10-26", from: at("2026-10-25T23:00:00Z"), to: at("2026-11-01T23:00:00Z") },
    ]);
  });
});
