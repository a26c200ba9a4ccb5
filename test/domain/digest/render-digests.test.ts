import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { buildOrgDigest, buildRepoDigest, type RepoDigest } from "../../../src/domain/digest/build-digest.js";
import { renderOrgDigest, renderRepoDigest } from "../../../src/domain/digest/render-digest.js";
import { windowStats } from "../../../src/domain/digest/ttm.js";
import { DAY } from "../../helpers/records.js";
import { policy } from "../escalation/policy-fixture.js";
import { alert, facts, NOW, patch, securityPr } from "./fixtures.js";

const WEEK = "2026-11-23";
const LIMIT = 60_000;

function repoDigest(repo: string, stale: number): RepoDigest {
  return {
    repo,
    now: NOW,
    timezone: "UTC",
    stale: Array.from({ length: stale }, (_, i) => patch({ repo, number: i + 1, title: `Bump pkg-${i}`, packages: [{ name: `@scope/package-with-a-long-name-${i}`, from: "1.0.0", to: "1.0.1" }], ageMs: (10 + i) * DAY })),
    alertsWithoutPr: [],
    ttm: { current: windowStats([], 0, 1), previous: windowStats([], 0, 1) },
    trend: [],
    merges: [],
  };
}

describe("renderRepoDigest", () => {
  const hostile = securityPr(2, "high", 9, "@evil <!-- x --> [click](https://evil.example)");
  const digest = buildRepoDigest({
    repo: "acme/web",
    records: [securityPr(1, "critical", 3), { ...hostile, title: "@everyone <script>" }],
    alerts: [alert({ number: 7, packageName: "minimist" })],
    policy: policy(),
    now: NOW,
    prFacts: facts([[2, { snooze: { until: NOW + 2 * DAY, by: "bob", reason: "@team <b>see</b> https://x.y" }, ci: "failing", postedStages: ["50%"] }]]),
  });
  const { title, body } = renderRepoDigest(digest, { week: WEEK, mentions: ["@alice"] });

  it("is titled by the week", () => assert.equal(title, "Stale security patches — week of 2026-11-23"));

  it("has its sections in order", () => {
    assert.deepEqual(body.match(/^### .*$/gm), [
      "### Critical (1)",
      "### High (2)",
      "### Time to merge, security updates",
      "### Weekly median time to merge, security updates (last 12 weeks)",
    ]);
    assert.match(body, /^Owners: @alice$/m);
  });

  it("mentions no one else and carries no HTML or foreign link", () => {
    assert.deepEqual(body.match(/(?<![\w`])@(?!\u200b)[\w/-]+/g), ["@alice"]);
    assert.doesNotMatch(body.replace(/`[^`\n]*`/g, ""), /<(?!\/?sub>)(?!\u200b)[a-z!]/i);
    const hosts = [...body.matchAll(/\]\((https:\/\/[^)]+)\)/g)].map((m) => new URL(m[1] ?? "").host);
    assert.deepEqual([...new Set(hosts)].sort(), ["github.com", "nvd.nist.gov"]);
    assert.doesNotMatch(body, /evil\.example\)|https:\/\/x\.y/);
  });

  it("shows the snooze of a snoozed patch", () => {
    assert.match(body, /\| #2 \|.*\| until 2026-11-25 by @\u200bbob: @\u200bteam &lt;b&gt;see&lt;\/b&gt; https:\u200b\/\/x\.y \|$/m);
  });

  it("stays under the cap with many patches, ending the cut with …and N more", () => {
    const big = renderRepoDigest(repoDigest("acme/web", 2000), { week: WEEK, mentions: [] }).body;
    assert.ok(big.length <= LIMIT, `${big.length} characters`);
    assert.match(big, /\n\n…and \d+ more\n/);
    assert.match(big, /\| #1 \|/);
  });
});

describe("renderOrgDigest", () => {
  it("titles, rows and the oldest patches linked across repositories", () => {
    const repos = [repoDigest("acme/web", 2), repoDigest("acme/api", 0), repoDigest("acme/db", 1)];
    const org = buildOrgDigest(repos, NOW, 2);
    const { title, body } = renderOrgDigest(org, { week: WEEK });
    assert.equal(title, "Stale security patches across acme — week of 2026-11-23");
    assert.deepEqual(body.match(/^\| acme\/\w+ \| \d.*$/gm)?.map((row) => row.split(" | ").slice(0, 3).join(" | ")), [
      "| acme/web | 0 | 2",
      "| acme/db | 0 | 1",
      "| acme/api | 0 | 0",
    ]);
    assert.match(body, /### The 2 oldest stale fixes\n\n[^#]*\| acme\/web#2 \|[^\n]*\n\| acme\/db#1 \|[^\n]*\n\n…and 1 more — see the repository digests/);
  });

  it("counts a critical alert without a PR in the headline and the Critical column, and lists it among the oldest", () => {
    const withAlert: RepoDigest = {
      ...repoDigest("acme/api", 0),
      alertsWithoutPr: [{ repo: "acme/api", number: 3, packageName: "minimist", ecosystem: "npm", manifestPath: "package-lock.json", severity: "critical", advisories: [], createdAt: NOW - 40 * DAY, ageMs: 40 * DAY, slaMs: 7 * DAY, overdueMs: 33 * DAY }],
    };
    const org = buildOrgDigest([repoDigest("acme/web", 1), withAlert], NOW, 5);
    const { body } = renderOrgDigest(org, { week: WEEK });
    assert.match(body, /^\*\*1 stale security patch\*\* and \*\*1 open alert without a pull request\*\* in 2 of 2 repositories of acme \(1 critical · 1 high\)\.$/m);
    assert.deepEqual(body.match(/^\| acme\/\w+ \| \d.*$/gm)?.map((row) => row.split(" | ").slice(0, 3).join(" | ")), ["| acme/api | 1 | 0", "| acme/web | 0 | 1"]);
    assert.match(body, /### The 2 oldest stale fixes\n\n[^#]*\| no PR: \[acme\/api alert 3\]\([^)]+\) \|[^\n]*\n\| acme\/web#1 \|/);
    assert.equal(renderOrgDigest(buildOrgDigest([withAlert], NOW, 5), { week: WEEK }).body.split("\n")[0], "**1 open alert without a pull request** in 1 of 1 repository of acme (1 critical).");
  });

  it("a 2,000-patch organisation stays under the cap", () => {
    const repos = Array.from({ length: 1000 }, (_, i) => repoDigest(`acme/service-with-a-long-name-${i}`, 2));
    const org = buildOrgDigest(repos, NOW, 100);
    assert.equal(org.staleTotal, 2000);
    const { body } = renderOrgDigest(org, { week: WEEK });
    assert.ok(body.length <= LIMIT, `${body.length} characters`);
    assert.match(body, /…and \d+ more — see the repository digests\n/);
    assert.match(body, /…and 1900 more — see the repository digests/);
    assert.match(body, /```mermaid\nxychart-beta|No security update was merged/);
  });
});
