// Issue #9: an approved update that nobody merged is its own state in the PR check, and a dismissal undoes it.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { eventually, startHarness, type Harness } from "../helpers/app-harness.js";
import { DEPENDABOT, openPullRequest } from "../helpers/pull-requests.js";

const REPO = "acme/site";
const DAY = 86_400_000;

type Check = { output: { title: string; summary: string } };

describe("review approvals (end to end)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    h.fake.addRepo({ owner: "acme", name: "site" });
    h.fake.setFile(REPO, ".github/merge-discipline.yml", "sla:\n  patch: 30d\n");
  });
  after(async () => h?.stop());

  const headOf = (n: number): string => (h.fake.pull(REPO, n) as { head: { sha: string } }).head.sha;
  const title = (n: number): string =>
    String((h.fake.checkRuns(REPO, headOf(n)).find((c) => c.name === "merge-discipline") as Check | undefined)?.output.title ?? "");

  it("shows an approved, still open update as approved, and a dismissed approval as waiting again", async () => {
    const pr = openPullRequest(h.fake, REPO, {
      at: new Date(Date.now() - 6 * DAY).toISOString(),
      user: DEPENDABOT,
      title: "Bump ms from 2.1.2 to 2.1.3",
      head: { ref: "dependabot/npm_and_yarn/ms-2.1.3" },
    });
    await h.pullRequestEvent("opened", REPO, pr.number);
    await eventually(() => /^Due in/.test(title(pr.number)), 10_000);

    const approval = h.fake.addReview(REPO, pr.number, {
      user: "maria",
      state: "APPROVED",
      submitted_at: new Date(Date.now() - 5 * DAY).toISOString().replace(/\.\d{3}Z$/, "Z"),
    });
    // A later plain comment from the same reviewer does not take the approval back.
    h.fake.setNow(new Date());
    const comment = h.fake.addReview(REPO, pr.number, { user: "maria", state: "COMMENTED", body: "nice" });
    await h.reviewEvent("submitted", REPO, pr.number, approval.id);
    await h.reviewEvent("submitted", REPO, pr.number, comment.id);
    await eventually(() => title(pr.number) === "Approved by @maria 5 days ago, still open — merge it", 10_000);
    const summary = (h.fake.checkRuns(REPO, headOf(pr.number)).find((c) => c.name === "merge-discipline") as Check).output.summary;
    assert.match(summary, /\*\*Review:\*\* approved by @maria on \d{4}-\d\d-\d\d \(5 days ago\)/);
    assert.match(summary, /It is approved: merge it\./);

    h.fake.dismissReview(REPO, pr.number, approval.id);
    await h.reviewEvent("dismissed", REPO, pr.number, approval.id);
    await eventually(() => /^Due in/.test(title(pr.number)), 10_000);
  });

  it("ignores reviews of pull requests it does not track", async () => {
    const pr = h.fake.addPullRequest(REPO, { title: "Add a feature", user: "li" });
    const review = h.fake.addReview(REPO, pr.number, { user: "maria", state: "APPROVED" });
    const result = await h.reviewEvent("submitted", REPO, pr.number, review.id);
    assert.equal(result.status, 200);
    assert.equal(h.fake.checkRuns(REPO, headOf(pr.number)).length, 0);
  });
});
