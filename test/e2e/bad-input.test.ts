// Bad input loses nothing and crashes nothing: forged webhooks, malformed payloads, odd titles, Redis outages.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { eventually, startHarness, type Harness } from "../helpers/app-harness.js";
import { DEPENDABOT, openPullRequest } from "../helpers/pull-requests.js";
import { RedisPullRequestStore } from "../../src/store/redis-pull-request-store.js";
import { connectRedis } from "../../src/redis/connect-redis.js";

const REPO = "acme/api";

describe("bad input (end to end)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    h.fake.addRepo({ owner: "acme", name: "api" });
  });
  after(async () => h?.stop());

  async function recordedNumbers(): Promise<number[]> {
    const redis = await connectRedis(h.redis.url);
    try {
      const store = new RedisPullRequestStore(redis);
      const location = await store.findRepo(REPO);
      return location ? (await store.listRepo(location)).map((r) => r.number).sort((a, b) => a - b) : [];
    } finally {
      redis.disconnect();
    }
  }

  it("refuses unsigned and wrongly signed webhooks", async () => {
    const pr = openPullRequest(h.fake, REPO, { at: "2026-11-02T09:00:00Z", user: DEPENDABOT, title: "Bump a from 1.0.0 to 1.0.1", head: { ref: "dependabot/npm_and_yarn/a-1.0.1" } });
    const payload = h.pullRequestPayload("opened", REPO, pr.number);
    assert.equal((await h.deliver("pull_request", payload, { signatureOverride: null })).status, 400);
    assert.equal((await h.deliver("pull_request", payload, { signatureOverride: "sha256=" + "0".repeat(64) })).status, 400);
    assert.deepEqual(await recordedNumbers(), []);
  });

  it("skips a malformed payload with 200 and keeps working", async () => {
    const pr = openPullRequest(h.fake, REPO, { at: "2026-11-02T09:00:00Z", user: DEPENDABOT, title: "Bump b from 1.0.0 to 1.0.1", head: { ref: "dependabot/npm_and_yarn/b-1.0.1" } });
    const payload = h.pullRequestPayload("opened", REPO, pr.number);
    const broken = { ...payload, pull_request: { ...(payload.pull_request as object), head: null, created_at: "yesterday" } };
    assert.equal((await h.deliver("pull_request", broken)).status, 200);
    assert.deepEqual(await recordedNumbers(), []);
    assert.equal((await h.deliver("pull_request", payload)).status, 200);
    assert.deepEqual(await recordedNumbers(), [pr.number]);
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
    const recorded = await recordedNumbers();
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
    assert.ok((await recordedNumbers()).includes(pr.number));
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
