// Issue 9, end to end: one "merge-discipline gate" check per head SHA, updated in place — however many gate
// runs race, and even after Redis forgot what the gate last showed.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { eventually, startHarness, type Harness } from "../helpers/app-harness.js";
import { openPullRequest, RENOVATE, RENOVATE_SECURITY_BODY as SECURITY_BODY } from "../helpers/pull-requests.js";

const CONFIG = "sla:\n  security:\n    high: 10s\nescalation:\n  stages:\n    - at: 100%\ngate:\n  mode: block\n  min_severity: high\n";
const GATE = "merge-discipline gate";

describe("gate checks (end to end)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    for (const name of ["race", "forgot"]) {
      h.fake.addRepo({ owner: "acme", name });
      h.fake.setFile(`acme/${name}`, ".github/merge-discipline.yml", CONFIG);
    }
  });
  after(async () => h?.stop());

  const gateRuns = (repo: string, n: number) => {
    const sha = (h.fake.pull(repo, n) as { head: { sha: string } }).head.sha;
    return h.fake.checkRuns(repo, sha).filter((c) => c.name === GATE) as Array<{ conclusion: string }>;
  };
  const human = (repo: string, i: number) =>
    openPullRequest(h.fake, repo, { at: new Date().toISOString(), user: { login: `dev${i}`, id: 100 + i, type: "User" }, title: `Feature ${i}`, head: { ref: `feature/${i}` } });

  it("gate runs racing on the same repo leave one gate check per head", async () => {
    const repo = "acme/race";
    const dayAgo = new Date(Date.now() - 86_400_000).toISOString();
    const fix = openPullRequest(h.fake, repo, {
      at: dayAgo, user: RENOVATE, title: "Update dependency axios to v1.6.8 [SECURITY]", body: SECURITY_BODY,
      head: { ref: "renovate/npm-axios-vulnerability" },
    });
    const features = [1, 2, 3].map((i) => human(repo, i));
    // Slow check-run lookups widen the window in which two runs both find no check and both create one.
    h.fake.slowDown({ method: "GET", path: /check-runs/, ms: 300 });
    try {
      await h.pullRequestEvent("opened", repo, fix.number);
      const location = { installationId: 1, repoId: (h.fake.repositoryPayload(repo) as { id: number }).id, repo };
      await Promise.all([1, 2, 3, 4].map((k) => h.app.runJob({ name: "apply-gate", data: { ...location, at: Date.now() + k } })));
      for (const pr of features) await eventually(() => gateRuns(repo, pr.number).some((r) => r.conclusion === "failure"), 20_000);
      await new Promise((resolve) => setTimeout(resolve, 3_000)); // let every queued run finish
    } finally {
      h.fake.clearLatency();
    }
    for (const pr of features) assert.equal(gateRuns(repo, pr.number).length, 1, `one gate check on #${pr.number}`);
  });

  it("a gate check Redis no longer remembers, duplicated by an old race, turns green in place", async () => {
    const repo = "acme/forgot";
    const feature = human(repo, 9);
    // Left by an earlier gate whose fix has merged since, written twice, and unknown to this Redis.
    for (let i = 0; i < 2; i++) {
      h.fake.addCheckRun(repo, { name: GATE, head_sha: feature.head.sha, status: "completed", conclusion: "failure", output: { title: "Blocked: 1 overdue security fix", summary: "Merge it first." } });
    }
    // A push to the default branch has the app read the repo's config (and so know it has a gate).
    const head = (h.fake.repositoryPayload(repo) as { default_branch: string }).default_branch;
    await h.pushEvent(repo, h.fake.state.requireRepo(repo).branches.get(head) as string);
    await eventually(() => h.fake.requestsMatching("GET", /acme\/forgot\/contents/).length > 0, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await h.pullRequestEvent("opened", repo, feature.number);
    await eventually(() => gateRuns(repo, feature.number).every((r) => r.conclusion === "success"), 20_000);
    assert.equal(gateRuns(repo, feature.number).length, 2, "updated in place: no third run");
  });
});
