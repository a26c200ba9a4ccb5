// A push makes GitHub send a burst of events for one PR (synchronize, labeled, …). The app looks at the
// PR once for the burst, not once per event: one evaluation, one round of GitHub calls.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Queue } from "bullmq";
import { QUEUE_NAME } from "../../src/queue/jobs.js";
import { DEFAULT_KEY_PREFIX } from "../../src/store/redis-keys.js";
import { eventually, startHarness, type Harness } from "../helpers/app-harness.js";
import { DEPENDABOT, openPullRequest } from "../helpers/pull-requests.js";

const REPO = "acme/web";
const T = "2026-11-02T09:00:00Z";

let h: Harness;
let queue: Queue;

before(async () => {
  h = await startHarness({ env: { EVALUATION_DEBOUNCE_MS: "1500" } });
  h.fake.addRepo({ owner: "acme", name: "web" });
  queue = new Queue(QUEUE_NAME, { connection: { url: h.redis.url }, prefix: DEFAULT_KEY_PREFIX });
});
after(async () => {
  await queue.close();
  await h.stop();
});

async function evaluations(): Promise<number> {
  const done = await queue.getJobs(["completed", "failed"]);
  return done.filter((job) => job.name === "evaluate-pull-request").length;
}

/** Nothing runs or is due within the next minute (the ladder's next look, a day away, may wait). */
async function settled(): Promise<boolean> {
  const counts = await queue.getJobCounts("active", "waiting", "prioritized");
  if (Object.values(counts).some((n) => n > 0)) return false;
  const delayed = await queue.getJobs(["delayed"]);
  return delayed.every((job) => job.timestamp + job.delay > Date.now() + 60_000);
}

describe("a burst of events on one PR (end to end)", () => {
  it("leads to one evaluation and one round of GitHub calls", async () => {
    const pr = openPullRequest(h.fake, REPO, {
      at: T,
      user: DEPENDABOT,
      title: "Bump lodash from 4.17.20 to 4.17.21",
      head: { ref: "dependabot/npm_and_yarn/lodash-4.17.21" },
    });
    assert.equal((await h.pullRequestEvent("opened", REPO, pr.number)).status, 200);
    await eventually(() => h.fake.checkRuns(REPO, pr.head.sha).some((c) => c.name === "merge-discipline"));
    await eventually(settled);
    const before = await evaluations();
    const requestsBefore = h.fake.requests.length;

    // Ten events within a second: five pushes (new head each), each followed by a label event.
    const heads: string[] = [];
    for (let i = 1; i <= 5; i++) {
      heads.push(h.fake.addCommit(REPO, pr.number, { author: DEPENDABOT, message: "Bump lodash from 4.17.20 to 4.17.21" }).sha);
      pr.updated_at = new Date(Date.parse(T) + i * 1000).toISOString();
      assert.equal((await h.pullRequestEvent("synchronize", REPO, pr.number)).status, 200);
      assert.equal((await h.pullRequestEvent("labeled", REPO, pr.number)).status, 200);
    }

    const lastHead = pr.head.sha;
    await eventually(() => h.fake.checkRuns(REPO, lastHead).some((c) => c.name === "merge-discipline"), 15_000);
    await eventually(settled, 15_000);
    assert.deepEqual(await queue.getJobs(["failed"]), []);
    assert.equal((await evaluations()) - before, 1, "one evaluation for the burst");
    const checkRunWrites = h.fake.requests.slice(requestsBefore).filter((r) => r.method !== "GET" && r.path.includes("/check-runs"));
    assert.equal(checkRunWrites.length, 1, "one check run, on the last head");
    for (const head of heads.slice(0, -1)) assert.equal(h.fake.checkRuns(REPO, head).length, 0, "no check on heads the burst moved past");
  });
});
