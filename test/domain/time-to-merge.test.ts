import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { percentile, summarise } from "../../src/domain/percentiles.js";
import { timeToMergeStats } from "../../src/domain/time-to-merge.js";
import { renderStatsText } from "../../src/domain/render-stats.js";
import { formatDuration } from "../../src/domain/format-duration.js";
import { closed, DAY, HOUR, merged, record, T0, update } from "../helpers/records.js";

const NOW = T0 + 30 * DAY;

describe("percentile", () => {
  const table: Array<[number[], number, number | null]> = [
    [[], 0.5, null],
    [[7], 0.9, 7],
    [[1, 3], 0.5, 2],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9, 91],
  ];
  for (const [values, p, expected] of table) {
    it(`p${p * 100} of [${values.join(",")}] is ${expected}`, () => assert.equal(percentile(values, p), expected));
  }

  it("summarises count, median, p90 and mean", () => {
    assert.deepEqual(summarise([4, 1, 3, 2]), { count: 4, medianMs: 2.5, p90Ms: 3.7, meanMs: 2.5 });
  });
});

describe("timeToMergeStats", () => {
  const patch = merged(record({ number: 1, createdAt: T0 }), T0 + 2 * DAY);
  const minor = merged(
    record({ number: 2, createdAt: T0 + DAY, update: update({ packages: [{ name: "react", from: "18.1.0", to: "18.2.0" }], updateType: "minor" }) }),
    T0 + 5 * DAY,
  );
  const secUpdate = update({ bot: "renovate", packages: [{ name: "axios", from: "1.6.0", to: "1.6.8" }], security: true, severity: "high" });
  const securityFirst = closed(record({ number: 3, createdAt: T0, update: secUpdate, headRef: "renovate/axios" }), T0 + DAY);
  const securitySecond = merged(record({ number: 4, createdAt: T0 + DAY, update: secUpdate, headRef: "renovate/axios" }), T0 + 4 * DAY);
  const stillOpen = record({ number: 5, createdAt: NOW - 6 * DAY, update: update({ packages: [{ name: "vite", from: "5.0.0", to: "6.0.0" }], updateType: "major" }) });
  const abandoned = closed(record({ number: 6, createdAt: T0, update: update({ packages: [{ name: "left-pad", from: "1.0.0", to: "1.1.0" }] }) }), T0 + HOUR);
  const all = [patch, minor, securityFirst, securitySecond, stillOpen, abandoned];

  it("measures from the lineage's first PR and splits by type, security and severity", () => {
    const stats = timeToMergeStats("acme/web", all, NOW);
    assert.equal(stats.merged.count, 3);
    assert.equal(stats.merged.medianMs, 4 * DAY); // 2d (patch), 4d (minor), 4d (security since #3)
    assert.equal(stats.bySecurity.security.medianMs, 4 * DAY);
    assert.equal(stats.bySecurity.other.count, 2);
    assert.equal(stats.byUpdateType.patch?.count, 2);
    assert.equal(stats.byUpdateType.minor?.medianMs, 4 * DAY);
    assert.equal(stats.bySeverity.high?.count, 1);
    assert.deepEqual(stats.open, { count: 1, oldestAgeMs: 6 * DAY });
    assert.equal(stats.superseded, 1);
    assert.equal(stats.closedWithoutMerge, 1);
  });

  it("leaves out merges before the window", () => {
    const stats = timeToMergeStats("acme/web", all, NOW, 27 * DAY);
    assert.equal(stats.merged.count, 2); // the patch merged on day 2 is outside a 27-day window ending on day 30
  });

  it("renders one readable line per population", () => {
    const text = renderStatsText(timeToMergeStats("acme/web", all, NOW));
    assert.match(text, /^acme\/web: time to merge over the last 90 days/);
    assert.match(text, /security\s+merged\s+1\s+median 4d/);
    assert.match(text, /open 1 \(oldest 6d\), closed without merge 1, superseded 1/);
  });
});

describe("formatDuration", () => {
  const table: Array<[number, string]> = [
    [0, "0s"],
    [45_000, "45s"],
    [90 * 60_000, "1h 30m"],
    [2 * DAY + 3 * HOUR + 59_000, "2d 3h"],
    [DAY + 30_000, "1d"],
  ];
  for (const [ms, text] of table) it(`${ms} ms → ${text}`, () => assert.equal(formatDuration(ms), text));
});
