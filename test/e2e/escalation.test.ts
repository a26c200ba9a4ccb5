// Issue #3, end to end: a policy in seconds, the real app and BullMQ on real Redis, the fake GitHub.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { eventually, startHarness, type Harness } from "../helpers/app-harness.js";
import { DEPENDABOT, mergePullRequest, openPullRequest, RENOVATE, RENOVATE_SECURITY_BODY } from "../helpers/pull-requests.js";

const REPO = "acme/shop";
const CONFIG = `
sla:
  patch: 10s
  security:
    high: 10s
escalation:
  stages:
    - at: 30%
      mention: none
    - at: 60%
      mention: owners
      label: overdue
    - at: 100%
      mention: owners-and-contacts
      label: escalated
  contacts:
    teams: [acme/security]
`;

const nudges = (h: Harness, number: number): string[] =>
  h.fake.comments(REPO, number).map((c) => String(c.body)).filter((b) => b.includes("merge-discipline:nudge"));
const stageOf = (body: string): string | undefined => /stage=(\S+)/.exec(body)?.[1];

describe("SLA policy and escalating nudges (end to end)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    h.fake.addRepo({ owner: "acme", name: "shop" });
    h.fake.setFile(REPO, ".github/merge-discipline.yml", CONFIG);
  });
  after(async () => h?.stop());

  it("posts each stage once, in order, to the right people — through redelivery, a restart and a second worker", async () => {
    const now = new Date().toISOString();
    const pr = openPullRequest(h.fake, REPO, {
      at: now,
      user: DEPENDABOT,
      title: "Bump left-pad from 1.3.0 to 1.3.1",
      head: { ref: "dependabot/npm_and_yarn/left-pad-1.3.1" },
      requested_reviewers: ["alice"],
    });
    const opened = await h.pullRequestEvent("opened", REPO, pr.number);
    const other = await h.startAnotherApp({ ROLE: "worker" });
    assert.ok(other.port > 0);

    const first = await eventually(() => nudges(h, pr.number).length >= 1 && nudges(h, pr.number), 15_000);
    assert.equal(stageOf(first[0] ?? ""), "30%");
    assert.doesNotMatch(first[0] ?? "", /@alice|@acme\/security/, "the reminder mentions nobody");

    // GitHub redelivers the "opened" webhook, and the app restarts: nothing is posted twice.
    await h.pullRequestEvent("opened", REPO, pr.number, { deliveryId: opened.deliveryId });
    await h.pullRequestEvent("edited", REPO, pr.number);
    await h.restartApp();

    const all = await eventually(() => nudges(h, pr.number).length >= 3 && nudges(h, pr.number), 20_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // a duplicate would show up by now
    const final = nudges(h, pr.number);
    assert.deepEqual(final.map(stageOf), ["30%", "60%", "100%"]);
    assert.equal(all.length, 3);
    assert.match(final[1] ?? "", /@alice\b/);
    assert.doesNotMatch(final[1] ?? "", /@acme\/security/);
    assert.match(final[2] ?? "", /@alice\b[\s\S]*@acme\/security|@acme\/security[\s\S]*@alice\b/);
    assert.deepEqual(h.fake.labels(REPO, pr.number).sort(), ["escalated", "overdue"]);
    assert.equal(h.fake.requestsMatching("POST", new RegExp(`/issues/${pr.number}/comments$`)).length, 3);
  });

  it("a merge cancels the stages still pending", async () => {
    const pr = openPullRequest(h.fake, REPO, {
      at: new Date().toISOString(),
      user: DEPENDABOT,
      title: "Bump is-odd from 3.0.0 to 3.0.1",
      head: { ref: "dependabot/npm_and_yarn/is-odd-3.0.1" },
    });
    await h.pullRequestEvent("opened", REPO, pr.number);
    await eventually(() => nudges(h, pr.number).length === 1, 15_000);
    mergePullRequest(pr, new Date().toISOString());
    await h.pullRequestEvent("closed", REPO, pr.number);
    await new Promise((resolve) => setTimeout(resolve, 9_000)); // past the 60% and 100% stages
    assert.deepEqual(nudges(h, pr.number).map(stageOf), ["30%"]);
    assert.deepEqual(h.fake.labels(REPO, pr.number), []);
  });

  it("a PR first seen with every stage due gets only the highest stage, and it says the stakes and what to do", async () => {
    const longAgo = new Date(Date.now() - 60_000).toISOString();
    const pr = openPullRequest(h.fake, REPO, {
      at: longAgo,
      user: RENOVATE,
      title: "Update dependency axios to v1.6.8 [SECURITY]",
      body: RENOVATE_SECURITY_BODY,
      head: { ref: "renovate/npm-axios-vulnerability" },
      requested_reviewers: ["bob"],
      mergeable: false,
      mergeable_state: "dirty",
    });
    h.fake.setNow(new Date());
    const ci = { id: 15368, slug: "github-actions", name: "GitHub Actions" };
    h.fake.addCheckRun(REPO, { name: "build", head_sha: pr.head.sha, status: "completed", conclusion: "failure" }, ci);
    await h.pullRequestEvent("labeled", REPO, pr.number);
    await eventually(() => nudges(h, pr.number).length === 1, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const posted = nudges(h, pr.number);
    assert.deepEqual(posted.map(stageOf), ["100%"]);
    assert.deepEqual(h.fake.labels(REPO, pr.number).sort(), ["escalated", "overdue"], "skipped stages still label the PR");

    const [headline = "", , action = "", labels = ""] = (posted[0] ?? "").split("\n").filter((line) => line !== "");
    assert.match(headline, /^\*\*High-severity security fix, (4\d|5\d) seconds past its 10-second SLA\*\* \(reminder 3 of 3\)$/);
    assert.equal(
      action,
      "It has conflicts with the base branch: tick the rebase checkbox in the pull request body to have Renovate rebase it. " +
        "CI is failing: fix or re-run it before merging.",
    );
    assert.equal(labels, "Labels `escalated`, `overdue` added.");
  });
});
