// Issue #8 point 6: events that arrive late or out of order. GitHub's `updated_at` has whole seconds,
// so a stale snapshot can tie with the merge that followed it; and a webhook may never arrive at all.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Redis } from "ioredis";
import { RedisPullRequestStore } from "../../src/store/redis-pull-request-store.js";
import { eventually, startHarness, type Harness } from "../helpers/app-harness.js";
import { DEPENDABOT, mergePullRequest, openPullRequest } from "../helpers/pull-requests.js";

const REPO = "acme/vault";
const CONFIG = `
sla:
  patch: 1d
escalation:
  stages:
    - at: 100%
      mention: none
    - at: 200%
      mention: owners-and-contacts
  contacts:
    teams: [acme/security]
`;
const DAY = 86_400_000;
const second = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");

describe("out-of-order and missing events (end to end)", () => {
  let h: Harness;
  let redis: Redis;
  const nudges = (number: number): string[] =>
    h.fake.comments(REPO, number).map((c) => String(c.body)).filter((b) => b.includes("merge-discipline:nudge"));
  const stateOf = async (number: number): Promise<string | undefined> => {
    const repoId = Number(h.fake.repositoryPayload(REPO).id);
    return (await new RedisPullRequestStore(redis).get({ installationId: 1, repoId, number }))?.state;
  };
  // Three days old on a one-day SLA: were it open, the 200% stage with its mentions would be due at once.
  const overduePr = (name: string) =>
    openPullRequest(h.fake, REPO, {
      at: second(Date.now() - 3 * DAY),
      user: DEPENDABOT,
      title: `Bump ${name} from 2.0.0 to 2.0.1`,
      head: { ref: `dependabot/npm_and_yarn/${name}-2.0.1` },
      requested_reviewers: ["alice"],
    });

  before(async () => {
    h = await startHarness();
    redis = new Redis(h.redis.url);
    h.fake.addRepo({ owner: "acme", name: "vault" });
    h.fake.setFile(REPO, ".github/merge-discipline.yml", CONFIG);
  });
  after(async () => {
    redis?.disconnect();
    await h?.stop();
  });

  it("a stale opened of the merge's own second never reopens the PR nor nudges it", async () => {
    const pr = overduePr("tie-break");
    const s = second(Date.now());
    // Last touched (a label) in second s, and merged in that same second.
    Object.assign(pr, { updated_at: s });
    h.fake.setNow(s);
    const staleOpened = h.pullRequestPayload("opened", REPO, pr.number);
    mergePullRequest(pr, s);
    await h.pullRequestEvent("closed", REPO, pr.number);
    await eventually(async () => (await stateOf(pr.number)) === "merged", 10_000);

    await h.deliver("pull_request", staleOpened);
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // a nudge would have been posted by now
    assert.equal(await stateOf(pr.number), "merged");
    assert.deepEqual(nudges(pr.number), []);
  });

  it("never nudges a PR that GitHub says is merged, though its closed webhook was lost", async () => {
    const pr = overduePr("lost-close");
    const staleOpened = h.pullRequestPayload("opened", REPO, pr.number);
    const mergedAt = second(Date.now());
    h.fake.setNow(mergedAt);
    mergePullRequest(pr, mergedAt); // GitHub's "closed" delivery never reaches the app

    await h.deliver("pull_request", staleOpened);
    await eventually(() => h.fake.requestsMatching("GET", new RegExp(`/pulls/${pr.number}$`)).length > 0, 10_000);
    await eventually(async () => (await stateOf(pr.number)) === "merged", 10_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    assert.deepEqual(nudges(pr.number), [], "no nudge, and no mention of @alice or @acme/security");
    assert.deepEqual(h.fake.labels(REPO, pr.number), []);
  });
});
