// Issue #11: /metrics scraped from the running app after real webhooks and jobs, parsed as Prometheus text.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { eventually, startHarness, type Harness } from "../helpers/app-harness.js";
import { DEPENDABOT, mergePullRequest, openPullRequest, RENOVATE } from "../helpers/pull-requests.js";
import { scrapeMetrics, type Scrape } from "../helpers/scrape-metrics.js";

const DAY = 86_400_000;
const WEB = "acme/web";
const TOKEN = "metrics-test-token";
const SECURITY_BODY = `| Package | Change |
|---|---|
| [axios](https://axios-http.com) | [\`1.6.0\` -> \`1.6.8\`](https://renovatebot.com/diffs/npm/axios/1.6.0/1.6.8) |

### GitHub Vulnerability Alerts

#### [GHSA-8hc4-vh64-cxmj](https://github.com/advisories/GHSA-8hc4-vh64-cxmj)

#### Severity
- CVSS Score: 7.5 / 10 (High)
`;
/** The labels the app may put on a sample: repository is the widest, and nothing names a PR. */
const ALLOWED_LABELS = new Set(["repository", "org", "severity", "update_type", "within_sla", "sla_state", "event", "reason", "kind", "outcome", "state", "installation", "window", "resource", "bot", "signal", "le"]);

describe("/metrics (end to end)", () => {
  let h: Harness;
  let clock = Date.now();
  const T0 = clock;
  const at = (days: number): string => new Date(T0 + days * DAY).toISOString();
  const scrape = (): Promise<Scrape> => scrapeMetrics(`${h.app.url}/metrics`, TOKEN);

  before(async () => {
    h = await startHarness({ now: () => clock, env: { METRICS_TOKEN: TOKEN, METRICS_STATE_MAX_AGE_SECONDS: "0" } });
    h.fake.addRepo({ owner: "acme", name: "web" });
    h.fake.addRepo({ owner: "acme", name: ".github" });
  });
  after(async () => h?.stop());

  const securityPr = (pkg: string, days: number) =>
    openPullRequest(h.fake, WEB, {
      at: at(days),
      user: RENOVATE,
      title: `Update dependency ${pkg} to v1.6.8 [SECURITY]`,
      body: SECURITY_BODY.replaceAll("axios", pkg),
      head: { ref: `renovate/npm-${pkg}-vulnerability` },
    });

  it("answers 401 without the bearer token and serves Prometheus text with it", async () => {
    assert.equal((await fetch(`${h.app.url}/metrics`)).status, 401);
    assert.equal((await fetch(`${h.app.url}/metrics`, { headers: { authorization: "Bearer wrong" } })).status, 401);
    const ok = await fetch(`${h.app.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(ok.status, 200);
    assert.match(ok.headers.get("content-type") ?? "", /^text\/plain; version=0\.0\.4/);
  });

  it("counts webhooks, merges against the SLA, jobs, stale patches, the budget and GitHub's rate limit", async () => {
    // A high-severity fix merged in 3 days (SLA 7 d), another after 12 days, one open for 20 days.
    const quick = securityPr("lodash", -40);
    await h.pullRequestEvent("opened", WEB, quick.number);
    mergePullRequest(quick, at(-37));
    await h.pullRequestEvent("closed", WEB, quick.number);
    const slow = securityPr("minimist", -30);
    await h.pullRequestEvent("opened", WEB, slow.number);
    mergePullRequest(slow, at(-18));
    const merged = await h.pullRequestEvent("closed", WEB, slow.number);
    const stale = securityPr("axios", -20);
    await h.pullRequestEvent("opened", WEB, stale.number);
    const patch = openPullRequest(h.fake, WEB, { at: at(-2), user: DEPENDABOT, title: "Bump ms from 2.1.2 to 2.1.3", head: { ref: "dependabot/npm_and_yarn/ms-2.1.3" } });
    mergePullRequest(patch, at(-1));
    await h.pullRequestEvent("closed", WEB, patch.number);
    // The same delivery again, and one with a forged signature.
    assert.equal((await h.pullRequestEvent("closed", WEB, slow.number, { deliveryId: merged.deliveryId })).status, 200);
    assert.equal((await h.deliver("pull_request", h.pullRequestPayload("closed", WEB, slow.number), { signatureOverride: "sha256=00" })).status, 400);

    clock = T0;
    h.fake.setNow(new Date(clock));
    await h.app.runJob({ name: "publish-digest", data: { installationId: 1 } });
    await eventually(() => h.fake.issues(WEB).some((issue) => String(issue.body).includes("merge-discipline:digest")), 15_000);

    const m = await eventually(async () => {
      const s = await scrape();
      return s.value("merge_discipline_job_duration_seconds_count", { kind: "publish-digest", outcome: "done" }) > 0 && s;
    }, 15_000);

    assert.equal(m.value("merge_discipline_webhooks_received_total", { event: "pull_request" }), 7, "six events and the repeat");
    assert.equal(m.value("merge_discipline_webhooks_rejected_total", { reason: "bad_request" }), 1);
    assert.equal(m.value("merge_discipline_webhooks_duplicate_total"), 1);

    assert.equal(m.family("vcs_change_time_to_merge_seconds")?.type, "HISTOGRAM");
    const high = { repository: WEB, severity: "high" };
    assert.equal(m.value("vcs_change_time_to_merge_seconds_count", high), 2);
    assert.equal(Math.round(m.value("vcs_change_time_to_merge_seconds_sum", high) / 86_400), 15, "3 + 12 days, in seconds");
    assert.equal(m.value("vcs_change_time_to_merge_seconds_bucket", { ...high, le: "604800" }), 1, "one merged within a week");
    assert.equal(m.value("vcs_change_time_to_merge_seconds_count", { repository: WEB, severity: "none", update_type: "patch" }), 1);
    assert.equal(m.value("merge_discipline_security_fixes_merged_total", { org: "acme", repository: WEB, within_sla: "true" }), 1);
    assert.equal(m.value("merge_discipline_security_fixes_merged_total", { org: "acme", repository: WEB, within_sla: "false" }), 1);

    assert.equal(m.value("merge_discipline_security_patches_stale", { repository: WEB, severity: "high", sla_state: "overdue" }), 1);
    assert.equal(Math.round(m.value("merge_discipline_security_patch_oldest_age_seconds", { repository: WEB }) / 86_400), 20);
    assert.ok(m.value("merge_discipline_write_budget_used", { installation: "1", window: "hour" }) >= 1, "the digest issue took a write slot");
    const remaining = m.samples("merge_discipline_github_rate_limit_remaining", { installation: "1", resource: "core" });
    assert.equal(remaining.length, 1);
    assert.ok(Number(remaining[0]?.value) > 0 && Number(remaining[0]?.value) < 5000, "read from the fake's x-ratelimit-remaining");
    assert.equal(m.samples("merge_discipline_queue_jobs").length, 6, "one sample per queue state");
    assert.equal(m.value("merge_discipline_state_up"), 1);

    for (const family of m.families) {
      for (const sample of family.metrics) {
        for (const label of Object.keys(sample.labels ?? {})) assert.ok(ALLOWED_LABELS.has(label), `${family.name} has label ${label}`);
      }
    }
  });

  it("serves /metrics on a port of its own without a token, and nowhere without either", async () => {
    const own = await h.startAnotherApp({ METRICS_TOKEN: "", METRICS_PORT: "0", ROLE: "worker" });
    assert.ok(own.metricsPort !== null);
    const scraped = await scrapeMetrics(`http://127.0.0.1:${own.metricsPort}/metrics`);
    assert.ok(scraped.family("merge_discipline_queue_jobs"));
    assert.equal((await fetch(`${own.url}/metrics`)).status, 404, "not on the main port");
    const off = await h.startAnotherApp({ METRICS_TOKEN: "", ROLE: "web" });
    assert.equal(off.metricsPort, null);
    assert.equal((await fetch(`${off.url}/metrics`)).status, 404);
  });
});
