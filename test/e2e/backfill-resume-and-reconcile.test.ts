// Issue #8, points 1 and 3: a backfill interrupted by a restart continues from its cursor (it does not
// start over), and the daily reconciliation repairs what missed webhooks and a lost job left behind.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { runCli } from "../../src/cli.js";
import type { RepoStats } from "../../src/domain/time-to-merge.js";
import { eventually, startHarness, type Harness } from "../helpers/app-harness.js";
import { captureIo } from "../helpers/capture-io.js";
import { DEPENDABOT, mergePullRequest, openPullRequest, RENOVATE } from "../helpers/pull-requests.js";

const DAY = 86_400_000;
const ago = (days: number): string => new Date(Date.now() - days * DAY).toISOString().replace(/\.\d{3}Z$/, "Z");
const REPOS = ["acme/one", "acme/two"];

describe("backfill resumes after a restart; reconciliation repairs drift (end to end)", () => {
  let h: Harness;
  let redis: Redis;
  const finishedAt = () => redis.hget("{merge-discipline}:installation:1:backfill", "finishedAt");

  before(async () => {
    h = await startHarness();
    redis = new Redis(h.redis.url);
    for (const repo of REPOS) {
      const [owner = "", name = ""] = repo.split("/");
      h.fake.addRepo({ owner, name });
      // 250 merges inside the window: three pages of `state=all` each.
      for (let i = 0; i < 250; i += 1) {
        const pr = openPullRequest(h.fake, repo, { at: ago(60 - i * 0.2), user: RENOVATE, title: `Update dependency lib-${i} to v2.0.${i}`, head: { ref: `renovate/lib-${i}-2.x` } });
        mergePullRequest(pr, ago(60 - i * 0.2 - 0.5));
      }
    }
    h.fake.setNow(new Date());
  });
  after(async () => {
    redis?.disconnect();
    await h?.stop();
  });

  const lists = () => h.fake.requestsMatching("GET", /^\/repos\/acme\/(one|two)\/pulls$/).map((r) => `${r.path} ${r.query.state} ${r.query.page ?? "1"}`);

  it("continues from its cursor after a restart instead of starting over", async () => {
    h.fake.slowDown({ method: "GET", path: /^\/repos\/acme\/(one|two)\/pulls$/, ms: 400 });
    await h.installationEvent("created");
    await eventually(() => lists().length >= 2, 30_000);
    await h.restartApp();
    const listedBeforeRestart = lists().length;
    assert.equal(await finishedAt(), null, "the backfill was still running when the app stopped");
    assert.ok(listedBeforeRestart < 8, `interrupted part-way (${listedBeforeRestart} of 8 list requests)`);
    h.fake.clearLatency();
    // A step a worker had fetched but not started when it stopped waits for BullMQ's stalled-job check (30–60 s).
    await eventually(async () => (await finishedAt()) !== null, 150_000);
    const expected = REPOS.flatMap((repo) => [`/repos/${repo}/pulls all 1`, `/repos/${repo}/pulls all 2`, `/repos/${repo}/pulls all 3`, `/repos/${repo}/pulls open 1`]);
    const listed = lists();
    assert.deepEqual([...new Set(listed)].sort(), expected.sort(), "every page was listed");
    for (const repo of REPOS) assert.equal(listed.filter((l) => l === `/repos/${repo}/pulls all 1`).length, 1, "no start-over: page 1 once");
    // A step a worker held when it stopped may run again from the saved cursor: at most one page per repo.
    assert.ok(listed.length <= expected.length + REPOS.length, `${listed.length} list requests for ${expected.length} pages`);
    const { io, stdout } = captureIo(h.env, Date.now());
    assert.equal(await runCli(["stats", "--repo", "acme/two", "--json"], io), 0);
    assert.equal((JSON.parse(stdout()) as RepoStats).merged.count, 250);
  });

  it("repairs a dropped webhook, a PR GitHub closed behind its back and a dead evaluation chain", async () => {
    const repo = "acme/one";
    const repoId = Number(h.fake.repositoryPayload(repo).id);
    const open = openPullRequest(h.fake, repo, { at: ago(1), user: DEPENDABOT, title: "Bump ms from 2.1.2 to 2.1.3", head: { ref: "dependabot/npm_and_yarn/ms-2.1.3" } });
    const closing = openPullRequest(h.fake, repo, { at: ago(1), user: RENOVATE, title: "Update dependency vite to v5.4.0", head: { ref: "renovate/vite-5.x" } });
    h.fake.setNow(new Date());
    await h.pullRequestEvent("opened", repo, closing.number);
    await h.pullRequestEvent("opened", repo, open.number);
    const connection = new Redis(h.redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue("merge-discipline", { connection, prefix: "{merge-discipline}" });
    // Each PR's next timed look: the one job behind its "next" deduplication key.
    const pendingJob = async (n: number) => (await queue.getDeduplicationJobId(`evaluate-next-1-${repoId}-${n}`)) ?? null;
    await eventually(async () => (await pendingJob(open.number)) !== null && (await pendingJob(closing.number)) !== null, 15_000);
    // The chain of `open` dies (its job exhausted its retries and was dropped); `closing` is merged and the
    // `closed` webhook never arrives; `dropped` is opened and its `opened` webhook never arrives.
    await eventually(async () => {
      const job = await queue.getJob(String(await pendingJob(open.number)));
      return job !== undefined && (await job.isDelayed()) && (await job.remove(), true);
    }, 15_000);
    mergePullRequest(closing, ago(0));
    const dropped = openPullRequest(h.fake, repo, { at: ago(0), user: RENOVATE, title: "Update dependency react to v18.3.1", head: { ref: "renovate/react-18.x" } });
    h.fake.setNow(new Date());

    const openListsBefore = h.fake.requestsMatching("GET", /^\/repos\/acme\/one\/pulls$/).filter((r) => r.query.state === "open").length;
    await h.app.runJob({ name: "reconcile-installation", data: { installationId: 1 } });
    const headOf = (n: number) => String((h.fake.pull(repo, n).head as { sha: string }).sha);
    await eventually(() => h.fake.checkRuns(repo, headOf(dropped.number)).some((c) => c.name === "merge-discipline"), 30_000);
    await eventually(async () => {
      const json = await redis.hget(`{merge-discipline}:repo:1:${repoId}:pr:${closing.number}`, "json");
      return json !== null && (JSON.parse(json) as { state: string }).state === "merged";
    }, 15_000);
    await eventually(async () => {
      const id = await pendingJob(open.number);
      const job = id ? await queue.getJob(id) : undefined;
      return job !== undefined && ["delayed", "waiting", "prioritized", "active", "completed"].includes(await job.getState());
    }, 15_000);
    await queue.close();
    connection.disconnect();

    // A second run the same day: GitHub's open list did not change, so its conditional request is a 304.
    await h.app.runJob({ name: "reconcile-installation", data: { installationId: 1 } });
    await eventually(() => h.fake.requestsMatching("GET", /^\/repos\/acme\/one\/pulls$/).filter((r) => r.query.state === "open").length >= openListsBefore + 2, 15_000);
    const statuses = h.fake.requestsMatching("GET", /^\/repos\/acme\/one\/pulls$/).filter((r) => r.query.state === "open").slice(openListsBefore).map((r) => r.status);
    assert.deepEqual(statuses, [200, 304]);
  });
});
