// Issue #4, end to end: the opt-in repo gate and safe auto-merge.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { eventually, startHarness, type Harness } from "../helpers/app-harness.js";
import { DEPENDABOT, mergePullRequest, openPullRequest, RENOVATE, RENOVATE_SECURITY_BODY as SECURITY_BODY } from "../helpers/pull-requests.js";

const GATED = "acme/gated";
const AUTO = "acme/auto";

describe("repo gate and auto-merge (end to end)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    h.fake.addRepo({ owner: "acme", name: "gated" });
    h.fake.setFile(GATED, ".github/merge-discipline.yml", "sla:\n  security:\n    high: 10s\nescalation:\n  stages:\n    - at: 100%\ngate:\n  mode: block\n  min_severity: high\n");
    h.fake.addRepo({ owner: "acme", name: "auto", allow_auto_merge: true });
    h.fake.setFile(AUTO, ".github/merge-discipline.yml", "auto_merge:\n  classes: [patch]\n  method: squash\n");
  });
  after(async () => h?.stop());

  const gateCheck = (repo: string, n: number) => {
    const sha = (h.fake.pull(repo, n) as { head: { sha: string } }).head.sha;
    return h.fake.checkRuns(repo, sha).find((c) => c.name === "merge-discipline gate") as { conclusion: string; output: { summary: string } } | undefined;
  };

  it("holds other PRs back while a high-severity fix is overdue, and lets go when it merges", async () => {
    const now = new Date().toISOString();
    const feature = openPullRequest(h.fake, GATED, { at: now, user: { login: "alice", id: 11, type: "User" }, title: "Add search", head: { ref: "feature/search" } });
    const docs = openPullRequest(h.fake, GATED, { at: now, user: { login: "bob", id: 12, type: "User" }, title: "Fix docs", head: { ref: "fix/docs" } });
    const fix = openPullRequest(h.fake, GATED, {
      at: now,
      user: RENOVATE,
      title: "Update dependency axios to v1.6.8 [SECURITY]",
      body: SECURITY_BODY,
      head: { ref: "renovate/npm-axios-vulnerability" },
    });
    await h.pullRequestEvent("opened", GATED, fix.number);
    await h.pullRequestEvent("opened", GATED, feature.number);

    const blocked = await eventually(() => gateCheck(GATED, feature.number)?.conclusion === "failure" && gateCheck(GATED, docs.number), 20_000);
    assert.equal(blocked.conclusion, "failure");
    assert.match(blocked.output.summary, new RegExp(`#${fix.number}`));
    assert.equal(gateCheck(GATED, fix.number), undefined, "the fix itself is not gated");

    mergePullRequest(fix, new Date().toISOString());
    await h.pullRequestEvent("closed", GATED, fix.number);
    await eventually(() => gateCheck(GATED, feature.number)?.conclusion === "success" && gateCheck(GATED, docs.number)?.conclusion === "success", 15_000);
  });

  it("auto-merges a genuine patch update once CI passes, and refuses one with a human commit", async () => {
    const now = new Date().toISOString();
    const genuine = openPullRequest(h.fake, AUTO, {
      at: now,
      user: DEPENDABOT,
      title: "Bump semver from 7.6.0 to 7.6.1",
      head: { ref: "dependabot/npm_and_yarn/semver-7.6.1" },
      mergeable_state: "blocked",
    });
    const tampered = openPullRequest(h.fake, AUTO, {
      at: now,
      user: DEPENDABOT,
      title: "Bump yaml from 2.4.0 to 2.4.1",
      head: { ref: "dependabot/npm_and_yarn/yaml-2.4.1" },
      mergeable_state: "blocked",
      commits: [
        { message: "Bump yaml from 2.4.0 to 2.4.1", author: DEPENDABOT, verified: true },
        { message: "tweak", author: { login: "mallory", id: 66, type: "User" }, verified: true },
      ],
    });
    for (const pr of [genuine, tampered]) {
      await h.pullRequestEvent("opened", AUTO, pr.number);
      await h.ciEvent(AUTO, pr.number, "success");
    }
    await eventually(() => (h.fake.pull(AUTO, genuine.number) as { auto_merge: unknown }).auto_merge !== null, 15_000);
    const mutation = h.fake.requestsMatching("POST", /graphql$/).find((r) => JSON.stringify(r.body).includes("enablePullRequestAutoMerge"));
    assert.ok(mutation, "auto-merge enabled through GraphQL");

    const check = (n: number) => {
      const sha = (h.fake.pull(AUTO, n) as { head: { sha: string } }).head.sha;
      return h.fake.checkRuns(AUTO, sha).find((c) => c.name === "merge-discipline") as { output: { summary: string } } | undefined;
    };
    const refused = await eventually(() => /mallory/.test(check(tampered.number)?.output.summary ?? "") && check(tampered.number), 15_000);
    assert.match(refused.output.summary, /a commit by mallory is not from dependabot\\?\[bot\\?\]/);
    assert.equal((h.fake.pull(AUTO, tampered.number) as { auto_merge: unknown }).auto_merge, null);
    assert.equal((h.fake.pull(AUTO, tampered.number) as { merged: boolean }).merged, false);
    // Auto-merge is switched on before the check that reports it is written, in the same evaluation.
    await eventually(() => /auto-merge/i.test(check(genuine.number)?.output.summary ?? ""), 10_000);

    // A writer pushes a commit of their own: GitHub keeps auto-merge on, so the app switches it off.
    h.fake.addCommit(AUTO, genuine.number, { message: "local tweak", author: { login: "carol", id: 77, type: "User" }, verified: true });
    genuine.updated_at = new Date(Date.now() + 1_000).toISOString();
    await h.pullRequestEvent("synchronize", AUTO, genuine.number);
    await h.ciEvent(AUTO, genuine.number, "success");
    await eventually(() => (h.fake.pull(AUTO, genuine.number) as { auto_merge: unknown }).auto_merge === null, 15_000);
    await eventually(() => /a commit by carol/.test(check(genuine.number)?.output.summary ?? ""), 10_000);
    assert.equal((h.fake.pull(AUTO, genuine.number) as { merged: boolean }).merged, false);
  });
});
