import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { WeeklyPoint } from "../../../src/domain/digest/model.js";
import { advisoriesCell, packagesCell, snoozeCell } from "../../../src/domain/digest/render-cells.js";
import { renderAllClear, renderSuperseded } from "../../../src/domain/digest/render-closing.js";
import { alertRow, patchRow, patchesSection } from "../../../src/domain/digest/render-patches.js";
import { staleFixes } from "../../../src/domain/digest/stale-fixes.js";
import type { AlertWithoutPr } from "../../../src/domain/digest/model.js";
import { mentionLine, repoHeader } from "../../../src/domain/digest/render-repo-digest.js";
import { sloLine, trendChart, ttmComparison } from "../../../src/domain/digest/render-ttm.js";
import { windowStats } from "../../../src/domain/digest/ttm.js";
import { DAY } from "../../helpers/records.js";
import { GHSA, NOW, patch } from "./fixtures.js";


const HOSTILE = "@everyone <!-- merge-discipline:digest --> [x](https://evil.example) #1 | <img src=x>\n# Heading";

describe("digest cells", () => {
  it("a patch row", () => {
    assert.equal(
      patchRow(patch({ number: 12 }), NOW, true),
      "| #12 | lodash 4\\.17.20 → 4\\.17.21 | [GHSA-29mw-wpgm-hmr9](https://github.com/advisories/GHSA-29mw-wpgm-hmr9) | 9 days | 7d, **overdue 2 days** | passing | 2 of 3 (100%) | — |",
    );
  });

  it("an approved fix nobody merged says so in its row", () => {
    assert.match(patchRow(patch({ number: 12, approvedAt: NOW - 5 * 86_400_000 }), NOW, true), /^\| #12, approved 5 days ago, still open \|/);
  });

  it("the org digest links across repositories", () => {
    assert.match(patchRow(patch({ number: 12 }), NOW, false), /^\| acme\/web#12 \|/);
    assert.match(patchRow(patch({ number: 12, repo: "acme/we b" }), NOW, false), /^\| acme\/we b \\#12 \|/);
  });

  it("injection in package names and snooze reasons stays inert", () => {
    const packages = packagesCell([{ name: HOSTILE, from: "1|2", to: "<b>" }]);
    const snooze = snoozeCell({ until: NOW + DAY, by: "mallory", reason: HOSTILE });
    for (const text of [packages, snooze]) {
      assert.doesNotMatch(text, /@(?!\u200b)/, "a live mention");
      assert.doesNotMatch(text, /<(?!\u200b)[a-z!]/i, "live HTML");
      assert.doesNotMatch(text, /\]\(/, "a link");
      assert.doesNotMatch(text, /(?<!\\)\|/, "a cell split");
      assert.doesNotMatch(text, /\n/, "a line break");
      assert.doesNotMatch(text, /https:\/\//, "an autolink");
    }
    assert.ok(snooze.startsWith("until 2026-11-24 by @\u200bmallory: @\u200beveryone "));
  });

  it("a replacement reads as one package taking another's place", () => {
    const cell = packagesCell([
      { name: "request", from: "2.88.2", to: null, replacedBy: "got" },
      { name: "got", from: null, to: "11.8.2" },
    ]);
    assert.equal(cell, "request → got 11\\.8.2");
  });

  it("only GHSA and CVE ids become links", () => {
    assert.equal(advisoriesCell(["javascript:alert(1)", "CVE-2026-1234"]), "[CVE-2026-1234](https://nvd.nist.gov/vuln/detail/CVE-2026-1234)");
    assert.equal(advisoriesCell([]), "—");
  });
});

describe("digest sections", () => {
  it("groups by severity, most urgent first, and says how many were cut", () => {
    const patches = [patch({ number: 1, severity: "critical" }), patch({ number: 2 }), patch({ number: 3 })];
    const section = patchesSection(staleFixes(patches, []), NOW, 2);
    assert.deepEqual(section.match(/^### .*$/gm), ["### Critical (1)", "### High (2)"]);
    assert.match(section, /\| #2 \|[^\n]*\n\n…and 1 more$/);
  });

  const minimist: AlertWithoutPr = {
    repo: "acme/web", number: 7, packageName: "minimist", ecosystem: "npm", manifestPath: "package-lock.json", severity: "critical",
    advisories: [GHSA], createdAt: NOW - 30 * DAY, ageMs: 30 * DAY, slaMs: 7 * DAY, overdueMs: 23 * DAY,
  };

  it("an alert without a PR is a row, with its age, SLA and a link built from the repo", () => {
    assert.equal(
      alertRow(minimist, NOW, true),
      "| no PR: [alert 7](https://github.com/acme/web/security/dependabot/7) | minimist (npm, package\\-lock.json) | [GHSA-29mw-wpgm-hmr9](https://github.com/advisories/GHSA-29mw-wpgm-hmr9) | 30 days | 7d, **overdue 23 days** | — | — | — |",
    );
    assert.match(alertRow(minimist, NOW, false), /^\| no PR: \[acme\/web alert 7\]/);
    assert.equal(alertRow({ ...minimist, repo: "not a repo" }, NOW, true).split(" | ")[0], "| no PR: alert 7");
  });

  it("links to the configured GitHub host, never github.com on a GHES", () => {
    const row = alertRow(minimist, NOW, true, "https://ghe.example.com");
    assert.match(row, /\(https:\/\/ghe\.example\.com\/acme\/web\/security\/dependabot\/7\)/);
    assert.match(row, /\(https:\/\/ghe\.example\.com\/advisories\/GHSA-29mw-wpgm-hmr9\)/);
    assert.doesNotMatch(row + patchRow(patch({ number: 1 }), NOW, true, "https://ghe.example.com"), /github\.com/);
  });

  it("orders alerts without a PR among the PRs: by severity, then by how far past the SLA", () => {
    const fixes = staleFixes([patch({ number: 1, severity: "high", overdueMs: 400 * DAY }), patch({ number: 2, severity: "critical", overdueMs: 1 * DAY })], [minimist]);
    const section = patchesSection(fixes, NOW);
    assert.deepEqual(section.match(/^### .*$/gm), ["### Critical (2)", "### High (1)"]);
    assert.deepEqual(section.match(/^\| (#\d+|no PR: \[alert \d+\])/gm), ["| no PR: [alert 7]", "| #2", "| #1"]);
    assert.match(section, /\*No PR\* rows are open Dependabot alerts/);
    assert.doesNotMatch(patchesSection(staleFixes([patch({ number: 1 })], []), NOW), /No PR/);
  });

  it("time to merge, two windows", () => {
    const samples = [
      { mergedAt: NOW - DAY, durationMs: 2 * DAY, withinSla: true },
      { mergedAt: NOW - 2 * DAY, durationMs: 4 * DAY, withinSla: true },
      { mergedAt: NOW - 100 * DAY, durationMs: 10 * DAY, withinSla: false },
    ];
    const current = windowStats(samples, NOW - 90 * DAY, NOW + 1);
    const previous = windowStats(samples, NOW - 180 * DAY, NOW - 90 * DAY);
    assert.equal(
      ttmComparison({ current, previous }),
      [
        "### Time to merge, security updates",
        "",
        "| | Last 90 days | The 90 days before |",
        "|---|---|---|",
        "| Merged | 2 | 1 |",
        "| Median | 3d | 10d |",
        "| 90th percentile | 3d 19h | 10d |",
      ].join("\n"),
    );
    assert.equal(sloLine(current.slo, previous.slo), "**SLO:** 100% (2 of 2) of security updates merged within their SLA in the last 90 days, up from 0% (0 of 1) the 90 days before.");
    assert.equal(sloLine({ merged: 0, withinSla: 0, share: null }, previous.slo), "**SLO:** no security update was merged in the last 90 days.");
  });

  it("a Mermaid xychart of 12 weeks", () => {
    const trend: WeeklyPoint[] = Array.from({ length: 12 }, (_, i) => ({
      week: new Date(Date.parse("2026-08-31") + i * 7 * DAY).toISOString().slice(0, 10),
      count: i % 3 === 0 ? 0 : 1,
      medianMs: i % 3 === 0 ? null : (i + 0.25) * DAY,
    }));
    const chart = trendChart(trend);
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(chart)?.[1];
    assert.equal(
      block,
      [
        "xychart-beta",
        '  title "Median days to merge, by week"',
        '  x-axis ["08-31", "09-07", "09-14", "09-21", "09-28", "10-05", "10-12", "10-19", "10-26", "11-02", "11-09", "11-16"]',
        '  y-axis "Days" 0 --> 12',
        "  bar [0, 1.3, 2.3, 0, 4.3, 5.3, 0, 7.3, 8.3, 0, 10.3, 11.3]",
      ].join("\n"),
    );
    assert.match(chart, /4 without a merged security update show as 0\.$/);
    assert.equal(trendChart(trend.map((point) => ({ ...point, count: 0, medianMs: null }))).split("\n").at(-1), "No security update was merged in these weeks.");
  });

  it("header and mentions", () => {
    assert.equal(mentionLine(["@alice", "@Alice", "@acme/security", "bob", "@evil <b>"]), "Owners: @alice @acme/security @bob");
    assert.equal(mentionLine([]), "");
    const clean = { repo: "acme/web", now: NOW, timezone: "UTC", stale: [], alertsWithoutPr: [], merges: [], trend: [], ttm: { current: windowStats([], 0, 1), previous: windowStats([], 0, 1) } };
    assert.match(repoHeader(clean), /^\*\*All clear in acme\/web:\*\*/);
    assert.equal(repoHeader({ ...clean, stale: [patch({ number: 1 }), patch({ number: 2, severity: "critical" })] }), "**2 stale security patches** in acme/web (1 critical · 1 high). Most urgent first; please merge, fix or snooze them.");
    assert.equal(
      repoHeader({ ...clean, stale: [patch({ number: 1 })], alertsWithoutPr: [minimist] }),
      "**1 stale security patch** and **1 open alert without a pull request** in acme/web (1 critical · 1 high). Most urgent first; please merge, fix or snooze them.",
    );
    assert.match(repoHeader({ ...clean, alertsWithoutPr: [minimist, { ...minimist, number: 8 }] }), /^\*\*2 open alerts without a pull request\*\* in acme\/web \(2 critical\)/);
  });

  it("closing comments", () => {
    assert.equal(renderSuperseded("https://github.com/acme/web/issues/42"), "Superseded by this week's digest: https://github.com/acme/web/issues/42. Closing this one.");
    assert.equal(renderSuperseded("#42"), "Superseded by this week's digest: #42. Closing this one.");
    assert.doesNotMatch(renderSuperseded("[x](https://evil.example) @all"), /\]\(|@(?!\u200b)/);
    assert.equal(
      renderAllClear("2026-11-23"),
      "**All clear for the week of 2026-11-23:** no security patch is past its first reminder and no open alert is past its SLA without a pull request. Closing this digest.",
    );
    assert.match(renderAllClear("2026-11-23", 41), /Closing this digest \(#41\)\.$/);
  });
});
