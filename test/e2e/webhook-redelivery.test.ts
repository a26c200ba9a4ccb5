// Issue #8 point 4: GitHub never redelivers a failed webhook by itself. The app's redelivery job lists
// its deliveries as the app (JWT) and asks once per lost event; the redelivery carries the original
// X-GitHub-Delivery guid, so the app handles it once.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Redis } from "ioredis";
import { RedisPullRequestStore } from "../../src/store/redis-pull-request-store.js";
import { eventually, startHarness, WEBHOOK_SECRET, type Harness } from "../helpers/app-harness.js";
import { DEPENDABOT, openPullRequest } from "../helpers/pull-requests.js";
import type { HookDeliveryRecord } from "../fake-github/index.js";

const REPO = "acme/relay";
const DAY = 86_400_000;
const second = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
const ATTEMPTS = /^\/app\/hook\/deliveries\/(\d+)\/attempts$/;

describe("failed webhook deliveries are redelivered (end to end)", () => {
  let h: Harness;
  let redis: Redis;
  let prCount = 0;

  const attemptsFor = (delivery: HookDeliveryRecord) => h.fake.requestsMatching("POST", ATTEMPTS).filter((r) => r.path.endsWith(`/${delivery.id}/attempts`));
  const allAttempts = () => h.fake.requestsMatching("POST", ATTEMPTS);
  const listings = () => h.fake.requestsMatching("GET", /^\/app\/hook\/deliveries$/);
  const recorded = async (number: number) => {
    const repoId = Number(h.fake.repositoryPayload(REPO).id);
    return (await new RedisPullRequestStore(redis).get({ installationId: 1, repoId, number })) !== null;
  };
  /** A new Dependabot PR whose `opened` webhook GitHub logged as failed: the app never saw it. */
  const lostOpened = (init: { status_code?: number; delivered_at?: string } = {}) => {
    prCount += 1;
    const pr = openPullRequest(h.fake, REPO, {
      at: second(Date.now()), user: DEPENDABOT, title: `Bump lib-${prCount} from 1.0.0 to 1.0.1`,
      head: { ref: `dependabot/npm_and_yarn/lib-${prCount}-1.0.1` },
    });
    h.fake.setNow(new Date());
    const delivery = h.fake.recordDelivery("pull_request", h.pullRequestPayload("opened", REPO, pr.number), init);
    return { pr, delivery };
  };
  /** Runs the job as its scheduler would and waits until that run released its lease. */
  const runRedelivery = async () => {
    const before = listings().length;
    await h.app.runJob({ name: "redeliver-webhooks", data: {} });
    await eventually(async () => listings().length > before && (await redis.exists("{merge-discipline}:redelivery:running")) === 0, 15_000);
    await h.fake.redeliveriesSettled();
    return { listed: listings().slice(before) };
  };

  before(async () => {
    h = await startHarness();
    redis = new Redis(h.redis.url);
    h.fake.addRepo({ owner: "acme", name: "relay" });
    h.fake.setNow(new Date());
  });
  after(async () => {
    redis?.disconnect();
    await h?.stop();
  });

  it("redelivers a failed delivery exactly once, and not one older than GitHub's window", async () => {
    // Eight days ago (GHES keeps deliveries for 7): out of reach.
    const expired = lostOpened({ delivered_at: second(Date.now() - 8 * DAY) });
    // 130 delivered events in between: the first run pages back through GitHub's list, 100 at a time.
    for (let i = 0; i < 130; i += 1) h.fake.recordDelivery("check_suite", { action: "completed", installation: { id: 1 } }, { status_code: 200, delivered_at: second(Date.now() - 3_600_000) });
    const lost = lostOpened();
    assert.equal(await recorded(lost.pr.number), false, "the app never saw the PR");

    const first = await runRedelivery();
    assert.deepEqual(first.listed.map((r) => [r.query.per_page, r.query.cursor === undefined]), [["100", true], ["100", false]], "two pages, the second by cursor");
    assert.ok(first.listed.every((r) => r.installationId === null), "listed as the app (JWT), not with an installation token");
    assert.equal(attemptsFor(lost.delivery).length, 1);
    assert.equal(attemptsFor(expired.delivery).length, 0, "older than the window: not asked for");
    assert.equal(allAttempts().length, 1);
    await eventually(() => recorded(lost.pr.number), 10_000);
    const redelivered = h.fake.hookDeliveries().filter((d) => d.guid === lost.delivery.guid && d.redelivery);
    assert.deepEqual(redelivered.map((d) => [d.status_code, d.request.headers["x-github-delivery"]]), [[200, lost.delivery.guid]], "sent once more, same guid, and the app took it");

    const secondRun = await runRedelivery();
    assert.equal(secondRun.listed.length, 1, "the next run lists only back to where the last one stopped");
    assert.equal(allAttempts().length, 1, "a second run asks nothing again");
  });

  it("does not redeliver an event delivered later, nor one the app handled though GitHub logged a failure", async () => {
    const recovered = lostOpened();
    // Someone clicked "Redeliver" in the app's settings, and the app took it.
    const manual = await h.fake.redeliverNow(recovered.delivery.id);
    assert.equal(manual.status_code, 200);
    // The app answered after GitHub gave up (GitHub logs a timeout), but it did handle the event.
    prCount += 1;
    const slow = h.fake.addPullRequest(REPO, { user: DEPENDABOT, title: `Bump lib-${prCount} from 1.0.0 to 1.0.1`, head: { ref: `dependabot/npm_and_yarn/lib-${prCount}-1.0.1` } });
    const handled = await h.pullRequestEvent("opened", REPO, slow.number);
    assert.equal(handled.status, 200);
    const timedOut = h.fake.recordDelivery("pull_request", h.pullRequestPayload("opened", REPO, slow.number), { guid: handled.deliveryId, status_code: 0, status: "timed out" });

    const before = allAttempts().length;
    await runRedelivery();
    assert.equal(attemptsFor(recovered.delivery).length, 0);
    assert.equal(attemptsFor(manual).length, 0);
    assert.equal(attemptsFor(timedOut).length, 0);
    assert.equal(allAttempts().length, before);
  });

  it("a redelivery that fails again is not asked for in a loop", async () => {
    const lost = lostOpened();
    // The app is down again when GitHub redelivers: the re-send finds nobody listening.
    h.fake.setAppWebhook({ url: "http://127.0.0.1:9/api/github/webhooks", secret: WEBHOOK_SECRET });
    await runRedelivery();
    h.fake.setAppWebhook({ url: `${h.app.url}/api/github/webhooks`, secret: WEBHOOK_SECRET });
    const attempts = h.fake.hookDeliveries().filter((d) => d.guid === lost.delivery.guid);
    assert.deepEqual(attempts.map((d) => [d.redelivery, d.status]), [[false, "failed to connect"], [true, "failed to connect"]]);
    await runRedelivery();
    const asked = allAttempts().filter((r) => attempts.some((d) => r.path === `/app/hook/deliveries/${d.id}/attempts`));
    assert.equal(asked.length, 1, "asked once per event, ever");
    assert.equal(await recorded(lost.pr.number), false);
  });

  it("a rate-limited or failing deliveries API keeps the cursor: the next run asks", async () => {
    const lost = lostOpened();
    h.fake.setRateLimit("app", { remaining: 0 });
    await runRedelivery();
    assert.equal(attemptsFor(lost.delivery).length, 0, "the list was refused: nothing asked");
    h.fake.setRateLimit("app", { remaining: 5000 });
    h.fake.failNext({ method: "POST", path: ATTEMPTS, status: 502 });
    await runRedelivery();
    assert.equal(attemptsFor(lost.delivery).length, 1, "asked, but GitHub answered 502");
    assert.equal(await recorded(lost.pr.number), false);
    await runRedelivery();
    assert.equal(attemptsFor(lost.delivery).filter((r) => r.status === 202).length, 1, "asked again on the next run, and accepted");
    await eventually(() => recorded(lost.pr.number), 10_000);
  });
});
