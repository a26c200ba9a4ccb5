// Issue #3, the harder paths: Dependabot security known only from its alert, a Redis that lost the
// escalation history, and GitHub answering with a rate limit.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Redis } from "ioredis";
import { secondaryRateLimit } from "../fake-github/index.js";
import { eventually, startHarness, type Harness } from "../helpers/app-harness.js";
import { DEPENDABOT, openPullRequest } from "../helpers/pull-requests.js";

const REPO = "acme/pay";
const CONFIG = `
sla:
  security:
    critical: 10s
escalation:
  stages:
    - at: 30%
      mention: none
`;

const nudges = (h: Harness, number: number): string[] =>
  h.fake.comments(REPO, number).map((c) => String(c.body)).filter((b) => b.includes("merge-discipline:nudge"));

describe("escalation resilience (end to end)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    h.fake.addRepo({ owner: "acme", name: "pay" });
    h.fake.setFile(REPO, ".github/merge-discipline.yml", CONFIG);
    h.fake.addDependabotAlert(REPO, { package: "minimist", severity: "critical", first_patched_version: "1.2.6", ghsa_id: "GHSA-xvch-5gv4-984h", cve_id: "CVE-2021-44906" });
  });
  after(async () => h?.stop());

  it("treats a silent Dependabot PR that fixes an open alert as a critical security update", async () => {
    const pr = openPullRequest(h.fake, REPO, {
      at: new Date().toISOString(),
      user: DEPENDABOT,
      title: "Bump minimist from 1.2.5 to 1.2.6",
      head: { ref: "dependabot/npm_and_yarn/minimist-1.2.6" },
    });
    await h.pullRequestEvent("opened", REPO, pr.number);
    // A patch update would wait 7 days; the alert makes it critical with a 10 s SLA.
    const [nudge] = await eventually(() => nudges(h, pr.number).length === 1 && nudges(h, pr.number), 10_000);
    assert.match(nudge ?? "", /\*\*critical\*\* severity/);
    assert.match(nudge ?? "", /GHSA-xvch-5gv4-984h/);
  });

  it("keeps alerts fresh from webhooks without listing them again", async () => {
    const alert = h.fake.addDependabotAlert(REPO, { package: "lodash", severity: "critical", first_patched_version: "4.17.21" });
    await h.alertEvent("created", REPO, alert.number);
    const pr = openPullRequest(h.fake, REPO, {
      at: new Date().toISOString(),
      user: DEPENDABOT,
      title: "Bump lodash from 4.17.20 to 4.17.21",
      head: { ref: "dependabot/npm_and_yarn/lodash-4.17.21" },
    });
    await h.pullRequestEvent("opened", REPO, pr.number);
    await eventually(() => nudges(h, pr.number).length === 1, 10_000);
    assert.equal(h.fake.requestsMatching("GET", /\/dependabot\/alerts$/).length, 1, "alerts are listed once per repo");
  });

  it("never reposts a stage when Redis lost the escalation history: the marker on the PR stops it", async () => {
    const pr = openPullRequest(h.fake, REPO, {
      at: new Date().toISOString(),
      user: DEPENDABOT,
      title: "Bump minimist from 1.2.5 to 1.2.6 in /api",
      head: { ref: "dependabot/npm_and_yarn/api/minimist-1.2.6" },
    });
    const alert = h.fake.addDependabotAlert(REPO, { package: "minimist", severity: "critical", manifest_path: "api/package-lock.json", first_patched_version: "1.2.6" });
    await h.alertEvent("created", REPO, alert.number);
    await h.pullRequestEvent("opened", REPO, pr.number);
    await eventually(() => nudges(h, pr.number).length === 1, 10_000);

    const redis = new Redis(h.redis.url);
    try {
      const keys = await redis.keys("*:stages:*");
      assert.ok(keys.length > 0);
      await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
    await h.pullRequestEvent("edited", REPO, pr.number);
    await eventually(() => h.fake.requestsMatching("GET", new RegExp(`/issues/${pr.number}/comments$`)).length >= 2, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(nudges(h, pr.number).length, 1);
  });

  it("waits out a rate-limit answer and then posts once", async () => {
    const pr = openPullRequest(h.fake, REPO, {
      at: new Date().toISOString(),
      user: DEPENDABOT,
      title: "Bump minimist from 1.2.5 to 1.2.6 in /web",
      head: { ref: "dependabot/npm_and_yarn/web/minimist-1.2.6" },
    });
    const alert = h.fake.addDependabotAlert(REPO, { package: "minimist", severity: "critical", manifest_path: "web/package-lock.json", first_patched_version: "1.2.6" });
    await h.alertEvent("created", REPO, alert.number);
    h.fake.failNext({ method: "POST", path: new RegExp(`/issues/${pr.number}/comments$`), ...secondaryRateLimit(2) });
    await h.pullRequestEvent("opened", REPO, pr.number);

    await eventually(() => h.fake.pendingFaults() === 0, 10_000);
    const refusedAt = Date.now();
    assert.equal(nudges(h, pr.number).length, 0);
    await eventually(() => nudges(h, pr.number).length === 1, 10_000);
    assert.ok(Date.now() - refusedAt >= 1_000, "the app waited for GitHub's retry-after");
    const attempts = h.fake.requestsMatching("POST", new RegExp(`/issues/${pr.number}/comments$`));
    assert.deepEqual(attempts.map((r) => r.status), [403, 201], "one refused attempt, then exactly one post");
    // Retried when GitHub said (retry-after: 2 s), not by the generic 5 s failure backoff.
    const waited = (attempts[1]?.at.getTime() ?? 0) - (attempts[0]?.at.getTime() ?? 0);
    assert.ok(waited >= 1_900 && waited < 4_800, `waited ${waited} ms`);
  });
});
