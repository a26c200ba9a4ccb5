import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { buildRepoDigest, type RepoDigestInput } from "../../../src/domain/digest/build-digest.js";
import { closed, DAY, HOUR, merged, record, update } from "../../helpers/records.js";
import { policy } from "../escalation/policy-fixture.js";
import { alert, facts, NOW, securityPr } from "./fixtures.js";

const input = (overrides: Partial<RepoDigestInput>): RepoDigestInput => ({
  repo: "acme/web",
  records: [],
  alerts: [],
  policy: policy(),
  now: NOW,
  prFacts: new Map(),
  ...overrides,
});

describe("buildRepoDigest: which patches are stale", () => {
  // high: 7d SLA, first reminder at 50% = 3.5d
  it("a security PR before its first reminder is not stale; after it, it is", () => {
    const digest = buildRepoDigest(input({ records: [securityPr(1, "high", 3), securityPr(2, "high", 4)] }));
    assert.deepEqual(digest.stale.map((patch) => patch.number), [2]);
  });

  it("non-security updates are never listed", () => {
    const digest = buildRepoDigest(input({ records: [record({ number: 3, createdAt: NOW - 60 * DAY })] }));
    assert.deepEqual(digest.stale, []);
  });

  it("an alert makes a plain Dependabot bump a security patch", () => {
    const bump = record({ number: 4, createdAt: NOW - 2 * DAY }); // lodash 4.17.20 → 4.17.21, critical via the alert
    const digest = buildRepoDigest(input({ records: [bump], alerts: [alert({ number: 9, severity: "critical" })] }));
    assert.deepEqual(
      digest.stale.map((patch) => [patch.number, patch.severity, patch.advisories]),
      [[4, "critical", ["GHSA-29mw-wpgm-hmr9", "CVE-2026-12345"]]],
    );
  });

  it("age runs from the start of the lineage, across a superseded PR", () => {
    const first = closed(securityPr(5, "high", 6, "left-pad"), NOW - 2 * DAY);
    const second = securityPr(6, "high", 2, "left-pad");
    const [patch] = buildRepoDigest(input({ records: [first, second] })).stale;
    assert.equal(patch?.number, 6);
    assert.equal(patch?.ageMs, 6 * DAY);
    assert.equal(patch?.overdueMs, -1 * DAY);
  });

  it("most urgent first: severity, then how far overdue", () => {
    const records = [securityPr(10, "moderate", 60), securityPr(11, "high", 5), securityPr(12, "high", 9), securityPr(13, "critical", 1.5)];
    assert.deepEqual(buildRepoDigest(input({ records })).stale.map((p) => p.number), [13, 12, 11, 10]);
  });

  it("a snoozed patch is still listed, with its snooze; an expired snooze is not shown", () => {
    const snooze = { until: NOW + 2 * DAY, by: "alice", reason: "waiting for upstream", at: NOW - DAY };
    const prFacts = facts([
      [20, { snooze, ci: "failing", postedStages: ["50%", "100%"] }],
      [21, { snooze: { ...snooze, until: NOW - HOUR } }],
    ]);
    const digest = buildRepoDigest(input({ records: [securityPr(20, "high", 8), securityPr(21, "high", 4)], prFacts }));
    assert.deepEqual(
      digest.stale.map((p) => [p.number, p.snooze?.by ?? null, p.ci, p.stage]),
      [
        [20, "alice", "failing", { id: "100%", position: 2, of: 3 }],
        [21, null, "unknown", { id: "50%", position: 1, of: 3 }],
      ],
    );
  });
});

describe("buildRepoDigest: alerts without a pull request", () => {
  it("lists open alerts past their SLA that no open PR fixes", () => {
    const alerts = [
      alert({ number: 1, packageName: "lodash" }), // covered by the open lodash PR below
      alert({ number: 2, packageName: "minimist", firstPatchedVersion: "1.2.6" }),
      alert({ number: 3, packageName: "qs", createdAt: NOW - 3 * DAY }), // inside its 7d SLA
      alert({ number: 4, packageName: "tar", state: "dismissed" }),
    ];
    const digest = buildRepoDigest(input({ records: [record({ number: 30, createdAt: NOW - DAY })], alerts }));
    assert.deepEqual(
      digest.alertsWithoutPr.map((a) => [a.number, a.ageMs / DAY, a.overdueMs / DAY]),
      [[2, 30, 23]],
    );
  });

  it("a Renovate PR bumping the package covers the alert too", () => {
    const renovate = record({ number: 31, update: update({ bot: "renovate" }) });
    assert.deepEqual(buildRepoDigest(input({ records: [renovate], alerts: [alert({ number: 1 })] })).alertsWithoutPr, []);
  });

  it("a merged PR does not cover an alert that is still open", () => {
    const done = merged(record({ number: 32 }), NOW - 40 * DAY);
    assert.equal(buildRepoDigest(input({ records: [done], alerts: [alert({ number: 1 })] })).alertsWithoutPr.length, 1);
  });
});

describe("buildRepoDigest: time to merge", () => {
  const mergedAfter = (number: number, mergedDaysAgo: number, tookDays: number) =>
    merged(securityPr(number, "high", mergedDaysAgo + tookDays), NOW - mergedDaysAgo * DAY);

  it("compares the last 90 days with the 90 before, with SLO attainment", () => {
    const records = [mergedAfter(1, 10, 2), mergedAfter(2, 20, 4), mergedAfter(3, 30, 9), mergedAfter(4, 100, 8), mergedAfter(5, 200, 1)];
    const { current, previous } = buildRepoDigest(input({ records })).ttm;
    assert.deepEqual([current.summary.count, current.summary.medianMs, current.slo], [3, 4 * DAY, { merged: 3, withinSla: 2, share: 2 / 3 }]);
    assert.deepEqual([previous.summary.count, previous.summary.medianMs, previous.slo], [1, 8 * DAY, { merged: 1, withinSla: 0, share: 0 }]);
  });

  it("SLO attainment is null when nothing merged", () => {
    assert.equal(buildRepoDigest(input({})).ttm.current.slo.share, null);
  });

  it("the trend has 12 whole weeks before this one, null where nothing merged", () => {
    const records = [mergedAfter(1, 1, 2), mergedAfter(2, 8, 2), mergedAfter(3, 9, 4), mergedAfter(4, 0, 1)];
    const trend = buildRepoDigest(input({ records })).trend;
    assert.equal(trend.length, 12);
    assert.deepEqual(trend.slice(-2), [
      { week: "2026-11-09", count: 2, medianMs: 3 * DAY },
      { week: "2026-11-16", count: 1, medianMs: 2 * DAY },
    ]);
    assert.deepEqual(trend[0], { week: "2026-08-31", count: 0, medianMs: null });
  });
});
