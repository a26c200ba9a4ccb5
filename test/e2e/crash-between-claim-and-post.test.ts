// Issue #8 point 5: a process killed between claiming an escalation stage (or a digest) and posting
// it. The claim is only a lease; after a restart on the same Redis each is posted, and exactly once.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { eventually, startHarness, type Harness } from "../helpers/app-harness.js";
import { DEPENDABOT, openPullRequest } from "../helpers/pull-requests.js";

const REPO = "acme/ledger";
const CONFIG = `
sla:
  patch: 1d
escalation:
  stages:
    - at: 100%
      mention: none
digest:
  open_when_clean: true
`;
const DAY = 86_400_000;
const PACKAGES = ["left-pad", "is-odd", "is-even", "kind-of"];

const nudges = (h: Harness, number: number): string[] =>
  h.fake.comments(REPO, number).map((c) => String(c.body)).filter((b) => b.includes("merge-discipline:nudge"));
const commentPosts = (h: Harness, number: number) => h.fake.requestsMatching("POST", new RegExp(`/issues/${number}/comments$`));

describe("a crash between claiming a stage and posting it (end to end)", () => {
  let h: Harness;
  // Short leases and job locks, so the test does not wait a minute for the dead process's claims and jobs to run out.
  before(async () => {
    h = await startHarness({ env: { CLAIM_LEASE_SECONDS: "2", JOB_LOCK_SECONDS: "5" } });
    h.fake.addRepo({ owner: "acme", name: "ledger" });
    h.fake.addRepo({ owner: "acme", name: ".github" }); // where the organisation digest goes
    h.fake.setFile(REPO, ".github/merge-discipline.yml", CONFIG);
  });
  after(async () => h?.stop());

  it("posts each of 4 overdue nudges exactly once after a restart", { timeout: 150_000 }, async () => {
    const at = new Date(Date.now() - 2 * DAY).toISOString().replace(/\.\d{3}Z$/, "Z");
    const prs = PACKAGES.map((name) =>
      openPullRequest(h.fake, REPO, {
        at,
        user: DEPENDABOT,
        title: `Bump ${name} from 1.0.0 to 1.0.1`,
        head: { ref: `dependabot/npm_and_yarn/${name}-1.0.1` },
      }),
    );
    // GitHub stops answering comment posts: the process is stuck after claiming, and then killed.
    h.fake.failNext({ method: "POST", path: /\/issues\/\d+\/comments$/, status: 0, hang: true, times: prs.length });
    for (const pr of prs) await h.pullRequestEvent("opened", REPO, pr.number);
    await eventually(() => h.fake.pendingFaults() === 0, 30_000);
    await h.restartApp({ crash: true });

    // Nobody touches the PRs: the new process takes over the dead one's jobs by itself.
    for (const pr of prs) await eventually(() => nudges(h, pr.number).length >= 1, 120_000);
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // a duplicate would show up by now
    for (const pr of prs) {
      assert.equal(nudges(h, pr.number).length, 1, `PR #${pr.number} has one nudge`);
      assert.deepEqual(commentPosts(h, pr.number).map((r) => r.status), [0, 201], "the abandoned attempt, then one post");
    }
  });

  it("publishes a digest whose first attempt died mid-way, once", { timeout: 60_000 }, async () => {
    const digests = () => h.fake.issues(REPO).filter((i) => String(i.body).includes("merge-discipline:digest"));
    h.fake.failNext({ method: "POST", path: /^\/repos\/acme\/ledger\/issues$/, status: 0, hang: true });
    await h.app.runJob({ name: "publish-digest", data: { installationId: 1 } });
    await eventually(() => h.fake.pendingFaults() === 0, 20_000);
    await h.restartApp({ crash: true });
    await new Promise((resolve) => setTimeout(resolve, 2_500)); // the dead process's lease runs out

    // The next run (the schedule, or an admin's `digest`) publishes it; the dead run's retry adds nothing.
    await h.app.runJob({ name: "publish-digest", data: { installationId: 1 } });
    await eventually(() => digests().length === 1, 20_000);
    await h.app.runJob({ name: "publish-digest", data: { installationId: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    assert.equal(digests().length, 1);
    assert.deepEqual(h.fake.requestsMatching("POST", /^\/repos\/acme\/ledger\/issues$/).map((r) => r.status), [0, 201]);
  });
});
