// Bad input loses nothing and crashes nothing: forged webhooks, malformed payloads, odd titles, Redis outages.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { eventually, startHarness, WEBHOOK_SECRET, type Harness } from "../helpers/app-harness.js";
import { DEPENDABOT, openPullRequest } from "../helpers/pull-requests.js";
import { RedisPullRequestStore } from "../../src/store/redis-pull-request-store.js";
import { connectRedis } from "../../src/redis/connect-redis.js";
import { signature } from "../helpers/sign-webhook.js";

const REPO = "acme/api";

async function recordedNumbers(h: Harness): Promise<number[]> {
  const redis = await connectRedis(h.redis.url);
  try {
    const store = new RedisPullRequestStore(redis);
    const location = await store.findRepo(REPO);
    return location ? (await store.listRepo(location)).map((r) => r.number).sort((a, b) => a - b) : [];
  } finally {
    redis.disconnect();
  }
}

describe("bad input (end to end)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    h.fake.addRepo({ owner: "acme", name: "api" });
  });
  after(async () => h?.stop());

  it("refuses unsigned and wrongly signed webhooks", async () => {
    const pr = openPullRequest(h.fake, REPO, { at: "2026-11-02T09:00:00Z", user: DEPENDABOT, title: "Bump a from 1.0.0 to 1.0.1", head: { ref: "dependabot/npm_and_yarn/a-1.0.1" } });
    const payload = h.pullRequestPayload("opened", REPO, pr.number);
    assert.equal((await h.deliver("pull_request", payload, { signatureOverride: null })).status, 400);
    assert.equal((await h.deliver("pull_request", payload, { signatureOverride: "sha256=" + "0".repeat(64) })).status, 400);
    assert.deepEqual(await recordedNumbers(h), []);
  });

  it("skips a malformed payload with 200 and keeps working", async () => {
    const pr = openPullRequest(h.fake, REPO, { at: "2026-11-02T09:00:00Z", user: DEPENDABOT, title: "Bump b from 1.0.0 to 1.0.1", head: { ref: "dependabot/npm_and_yarn/b-1.0.1" } });
    const payload = h.pullRequestPayload("opened", REPO, pr.number);
    const broken = { ...payload, pull_request: { ...(payload.pull_request as object), head: null, created_at: "yesterday" } };
    assert.equal((await h.deliver("pull_request", broken)).status, 200);
    assert.deepEqual(await recordedNumbers(h), []);
    assert.equal((await h.deliver("pull_request", payload)).status, 200);
    assert.deepEqual(await recordedNumbers(h), [pr.number]);
  });

  it("records bot PRs with odd titles and bodies without failing the delivery", async () => {
    const odd = [
      { title: "Bump 🎉 from ??? to 2024.01.15", body: null },
      { title: "Bump node from 20-alpine to 22-alpine in /docker", body: "<!-- @mention --> ```yaml\n---\n" },
      { title: "", body: "x".repeat(65_536) },
      { title: "Bump sha from 0a1b2c3 to 9f8e7d6", body: "Bumps [sha](https://x) from `0a1b2c3` to `9f8e7d6`." },
    ];
    const numbers: number[] = [];
    for (const [i, { title, body }] of odd.entries()) {
      const pr = openPullRequest(h.fake, REPO, { at: "2026-11-02T09:00:00Z", user: DEPENDABOT, title, body, head: { ref: `dependabot/docker/odd-${i}` } });
      numbers.push(pr.number);
      assert.equal((await h.pullRequestEvent("opened", REPO, pr.number)).status, 200);
    }
    const recorded = await recordedNumbers(h);
    for (const n of numbers) assert.ok(recorded.includes(n), `#${n} recorded`);
  });

  it("fails readiness and webhooks while Redis is down, and recovers when it returns", async () => {
    const pr = openPullRequest(h.fake, REPO, { at: "2026-11-02T09:00:00Z", user: DEPENDABOT, title: "Bump c from 1.0.0 to 1.0.1", head: { ref: "dependabot/npm_and_yarn/c-1.0.1" } });
    assert.equal((await fetch(`${h.app.url}/readyz`)).status, 200);
    await h.redis.stop();
    const notReady = await fetch(`${h.app.url}/readyz`);
    assert.equal(notReady.status, 503);
    assert.equal(((await notReady.json()) as { status: string }).status, "unavailable");
    assert.equal((await fetch(`${h.app.url}/healthz`)).status, 200);

    const started = Date.now();
    const failed = await h.pullRequestEvent("opened", REPO, pr.number);
    assert.equal(failed.status, 500, "GitHub must see a failed delivery, so it can be redelivered");
    assert.ok(Date.now() - started < 5_000, "a Redis outage fails the webhook fast, inside GitHub's 10 s");

    await h.redis.restart();
    await eventually(async () => (await fetch(`${h.app.url}/readyz`)).status === 200);
    // The redelivery carries the same delivery id: the failed attempt did not use it up.
    assert.equal((await h.pullRequestEvent("opened", REPO, pr.number, { deliveryId: failed.deliveryId })).status, 200);
    assert.ok((await recordedNumbers(h)).includes(pr.number));
    // The worker survived the outage too: the PR's jobs run and its check reaches GitHub.
    await eventually(() => h.fake.checkRuns(REPO, pr.head.sha).some((c) => c.name === "merge-discipline"), 20_000);
  });

  it("shuts down within its grace period even while Redis is down", async () => {
    const other = await h.startAnotherApp();
    await h.redis.stop();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const started = Date.now();
    await other.stop();
    assert.ok(Date.now() - started < 15_000, `stopped after ${Date.now() - started} ms`);
    await h.redis.restart();
  });
});

describe("signed but malformed payloads (end to end)", () => {
  let h: Harness;
  const lines: string[] = [];
  before(async () => {
    h = await startHarness({ env: { LOG_LEVEL: "info" }, logLines: lines });
    h.fake.addRepo({ owner: "acme", name: "api" });
    h.fake.setPermission(REPO, "maria", "write");
  });
  after(async () => h?.stop());

  /** Delivers a signed body as is and returns the answer with the log lines written meanwhile. */
  async function deliverRaw(event: string, body: string) {
    const from = lines.length;
    const deliveryId = `bad-${from}-${event}`;
    const res = await fetch(`${h.app.url}/api/github/webhooks`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-github-event": event, "x-github-delivery": deliveryId, "x-hub-signature-256": signature(WEBHOOK_SECRET, body) },
      body,
    });
    await res.text();
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { status: res.status, deliveryId, logged: lines.slice(from) };
  }

  /** The app's own jobs (redelivery, schedules) may log meanwhile; about this delivery there is one warning, and no error anywhere. */
  function assertOneQuietLine(what: string, deliveryId: string, logged: string[]): void {
    const about = logged.filter((line) => line.includes(deliveryId));
    assert.equal(about.length, 1, `${what}: one log line about the delivery, got ${logged.join("\n")}`);
    for (const line of logged) {
      assert.doesNotMatch(line, /"stack"|\n\s+at /, `${what}: no stack trace`);
      assert.ok((JSON.parse(line) as { level: number }).level < 50, `${what}: no error logged: ${line}`);
    }
  }

  it("answers each one without a stack trace, in one log line, and records nothing", async () => {
    const pr = openPullRequest(h.fake, REPO, { at: "2026-11-02T09:00:00Z", user: DEPENDABOT, title: "Bump d from 1.0.0 to 1.0.1", head: { ref: "dependabot/npm_and_yarn/d-1.0.1" } });
    const good = h.pullRequestPayload("opened", REPO, pr.number);
    const repository = good.repository as { id: number };
    const { installation, sender } = good;
    const command = { body: "/merge-discipline snooze 1d", id: 91, user: { login: "maria", id: 4242, type: "User" } };
    const cases: Array<[string, unknown]> = [
      ["pull_request", 1],
      ["pull_request", null],
      ["pull_request", "opened"],
      ["pull_request", { ...good, repository: undefined }],
      ["pull_request", { ...good, repository: { ...repository, id: String(repository.id) } }],
      ["pull_request", { ...good, installation: { id: "1" } }],
      ["issue_comment", { action: "created", comment: command, repository, installation, sender }],
      ["issue_comment", { action: "created", issue: { number: "1" }, comment: command, repository, installation, sender }],
      ["check_run", { action: "completed", check_run: { name: "build", head_sha: pr.head.sha, pull_requests: "all" }, repository, installation, sender }],
      ["status", { sha: 7, repository, installation, sender }],
      ["installation", { action: "created", sender }],
    ];
    for (const [event, payload] of cases) {
      const body = JSON.stringify(payload) ?? "null";
      const { status, deliveryId, logged } = await deliverRaw(event, body);
      const what = `${event} ${body.slice(0, 60)}`;
      assert.ok(status === 202 || (status >= 400 && status < 500), `${what}: answered ${status}`);
      assertOneQuietLine(what, deliveryId, logged);
    }
    const notJson = await deliverRaw("pull_request", "{\"action\": ");
    assert.equal(notJson.status, 400);
    assertOneQuietLine("not JSON", notJson.deliveryId, notJson.logged);

    assert.deepEqual(await recordedNumbers(h), []);
    assert.equal(h.fake.requestsMatching("*", /\/repos\//).filter((r) => r.method !== "GET").length, 0, "nothing written on GitHub");
  });

  it("loses nothing well formed: the PR is recorded and gets its check", async () => {
    const pr = openPullRequest(h.fake, REPO, { at: "2026-11-02T09:00:00Z", user: DEPENDABOT, title: "Bump e from 1.0.0 to 1.0.1", head: { ref: "dependabot/npm_and_yarn/e-1.0.1" } });
    assert.equal((await h.pullRequestEvent("opened", REPO, pr.number)).status, 200);
    assert.ok((await recordedNumbers(h)).includes(pr.number));
    await eventually(() => h.fake.checkRuns(REPO, pr.head.sha).some((c) => c.name === "merge-discipline"), 20_000);
  });
});
