// Issue #4, end to end: the PR check, comment commands and buttons, and CI results.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { eventually, startHarness, type Harness } from "../helpers/app-harness.js";
import { DEPENDABOT, openPullRequest } from "../helpers/pull-requests.js";

const REPO = "acme/site";
const CONFIG = `
sla:
  patch: 20s
escalation:
  stages:
    - at: 50%
      mention: owners
snooze:
  max:
    patch: 2d
`;

type Check = { conclusion: string; output: { title: string; summary: string } };

describe("check runs, commands and CI (end to end)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    h.fake.addRepo({ owner: "acme", name: "site" });
    h.fake.setFile(REPO, ".github/merge-discipline.yml", CONFIG);
    h.fake.setPermission(REPO, "maria", "write");
    h.fake.setPermission(REPO, "visitor", "read");
  });
  after(async () => h?.stop());

  const headOf = (n: number): string => (h.fake.pull(REPO, n) as { head: { sha: string } }).head.sha;
  const check = (n: number): Check | undefined =>
    h.fake.checkRuns(REPO, headOf(n)).find((c) => c.name === "merge-discipline") as Check | undefined;
  const replies = (n: number): string[] =>
    h.fake.comments(REPO, n).map((c) => String(c.body)).filter((b) => b.includes("merge-discipline:reply"));
  const open = (title: string, ref: string) =>
    openPullRequest(h.fake, REPO, { at: new Date().toISOString(), user: DEPENDABOT, title, head: { ref }, requested_reviewers: ["maria"] });

  it("publishes the check, lets a writer snooze (capped) and refuses a non-writer", async () => {
    const pr = open("Bump ms from 2.1.2 to 2.1.3", "dependabot/npm_and_yarn/ms-2.1.3");
    await h.pullRequestEvent("opened", REPO, pr.number);
    const first = await eventually(() => check(pr.number), 10_000);
    assert.equal(first.conclusion, "success");
    assert.match(first.output.title, /^Due /);
    assert.match(first.output.summary, /`ms`/);

    const refused = await h.commentEvent(REPO, pr.number, "visitor", "/merge-discipline snooze 1d busy");
    await eventually(() => replies(pr.number).length === 1, 10_000);
    assert.match(replies(pr.number)[0] ?? "", /Not snoozed/);
    assert.ok(h.fake.requestsMatching("POST", new RegExp(`/issues/comments/${refused.commentId}/reactions$`)).length === 1, "a quick reaction");

    await h.commentEvent(REPO, pr.number, "maria", "Thanks!\n/merge-discipline snooze 1w waiting for upstream");
    await eventually(() => replies(pr.number).length === 2, 10_000);
    assert.match(replies(pr.number)[1] ?? "", /Snoozed for 2d[\s\S]*cut to 2d/);
    const snoozed = await eventually(() => /Snoozed/i.test(check(pr.number)?.output.title ?? "") && check(pr.number), 10_000);
    assert.match(snoozed.output.summary, /maria/);
    assert.match(snoozed.output.summary, /waiting for upstream/);

    // The 50% stage (10 s) does not come while the PR is snoozed.
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    assert.equal(h.fake.comments(REPO, pr.number).filter((c) => String(c.body).includes("merge-discipline:nudge")).length, 0);
  });

  it("snoozes from a check-run button, and quoted or edited commands do nothing", async () => {
    const pr = open("Bump qs from 6.11.0 to 6.11.1", "dependabot/npm_and_yarn/qs-6.11.1");
    await h.pullRequestEvent("opened", REPO, pr.number);
    await eventually(() => check(pr.number), 10_000);
    // GitHub never returns a run's buttons; what the app sent is what users see.
    const created = h.fake.requestsMatching("POST", /\/check-runs$/).find((r) => (r.body as { head_sha?: string }).head_sha === headOf(pr.number));
    const labels = ((created?.body as { actions?: Array<{ label: string }> }).actions ?? []).map((a) => a.label);
    assert.deepEqual(labels, ["Snooze 1 day", "Snooze 1 week", "Acknowledge"]);

    await h.commentEvent(REPO, pr.number, "maria", "> /merge-discipline snooze 1d\n```\n/merge-discipline snooze 1d\n```");
    await h.checkRunActionEvent(REPO, pr.number, "snooze-1d", "maria");
    await eventually(() => /Snoozed/i.test(check(pr.number)?.output.title ?? ""), 10_000);
    assert.equal(replies(pr.number).length, 1, "only the button's snooze is answered");
    assert.match(replies(pr.number)[0] ?? "", /Snoozed for 1d/);

    await h.commentEvent(REPO, pr.number, "maria", "@merge-discipline status");
    await h.commentEvent(REPO, pr.number, "maria", "/merge-discipline unsnooze");
    await h.commentEvent(REPO, pr.number, "visitor", "/merge-discipline frobnicate");
    await eventually(() => replies(pr.number).length === 4, 10_000);
    // Commands run as separate jobs, so their replies may land in any order.
    const all = replies(pr.number).join("\n---\n");
    assert.match(all, /merge-discipline status/);
    assert.match(all, /Snooze ended/);
    assert.match(all, /Command not understood[\s\S]*snooze <duration>/);
    await eventually(() => !/Snoozed/i.test(check(pr.number)?.output.title ?? ""), 10_000);
  });

  it("runs nothing from a comment's indented code block", async () => {
    const pr = open("Bump mime from 3.0.0 to 3.0.1", "dependabot/npm_and_yarn/mime-3.0.1");
    await h.pullRequestEvent("opened", REPO, pr.number);
    await eventually(() => check(pr.number), 10_000);
    // The status command runs in the same job as the snooze would, after it: its reply means the comment is done.
    await h.commentEvent(REPO, pr.number, "maria", "To snooze, write:\n\n    /merge-discipline snooze 1d\n\n/merge-discipline status");
    await eventually(() => replies(pr.number).some((reply) => /merge-discipline status/.test(reply)), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(replies(pr.number).length, 1, replies(pr.number).join("\n---\n"));
    assert.doesNotMatch(check(pr.number)?.output.title ?? "", /Snoozed/i);
  });

  it("follows CI from red to green in the check and in the next nudge, and writes nothing when nothing changed", async () => {
    const pr = open("Bump debug from 4.3.4 to 4.3.5", "dependabot/npm_and_yarn/debug-4.3.5");
    await h.pullRequestEvent("opened", REPO, pr.number);
    await eventually(() => check(pr.number), 10_000);
    await h.ciEvent(REPO, pr.number, "failure");
    const red = await eventually(() => /needs a fix/.test(check(pr.number)?.output.summary ?? "") && check(pr.number), 10_000);
    assert.equal(red.conclusion, "neutral", "the check never blocks the dependency PR");

    const nudge = await eventually(() => h.fake.comments(REPO, pr.number).find((c) => String(c.body).includes("merge-discipline:nudge")), 15_000);
    assert.match(String(nudge.body), /CI is failing: fix or re-run it before merging\./);
    assert.match(String(nudge.body), /@maria/);

    await h.ciEvent(REPO, pr.number, "success");
    await eventually(() => /ready to merge/i.test(check(pr.number)?.output.summary ?? ""), 10_000);

    await new Promise((resolve) => setTimeout(resolve, 500));
    const checkWrites = () => h.fake.requestsMatching("*", /\/check-runs/).filter((r) => r.method !== "GET").length;
    const writesBefore = checkWrites();
    const readsBefore = h.fake.requestsMatching("GET", /\/check-runs/).length;
    await h.pullRequestEvent("edited", REPO, pr.number);
    await h.pullRequestEvent("labeled", REPO, pr.number);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    assert.equal(checkWrites(), writesBefore, "no check-run write when nothing changed");
    assert.equal(h.fake.requestsMatching("GET", /\/check-runs/).length, readsBefore, "not even a read");
  });

  it("moves the check to the new head after a rebase, and ignores edited comments and bots", async () => {
    const pr = open("Bump send from 0.18.0 to 0.19.0", "dependabot/npm_and_yarn/send-0.19.0");
    await h.pullRequestEvent("opened", REPO, pr.number);
    const oldHead = headOf(pr.number);
    await eventually(() => check(pr.number), 10_000);
    h.fake.addCommit(REPO, pr.number, { message: "Bump send from 0.18.0 to 0.19.0", author: DEPENDABOT, verified: true });
    pr.updated_at = new Date(Date.now() + 1000).toISOString();
    await h.pullRequestEvent("synchronize", REPO, pr.number);
    assert.notEqual(headOf(pr.number), oldHead);
    await eventually(() => check(pr.number), 10_000);

    const edited = h.fake.addComment(REPO, pr.number, { body: "/merge-discipline help", user: "maria" });
    const payload = {
      issue: { ...h.fake.issue(REPO, pr.number), pull_request: { url: "x" } },
      comment: h.fake.comments(REPO, pr.number).find((c) => c.id === edited.id),
      repository: h.fake.repositoryPayload(REPO),
      installation: { id: 1 },
    };
    await h.deliver("issue_comment", { ...payload, action: "edited", changes: { body: { from: "hi" } }, sender: { login: "maria", id: 1, type: "User" } });
    await h.deliver("issue_comment", { ...payload, action: "created", sender: { login: "some-bot[bot]", id: 2, type: "Bot" } });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    assert.deepEqual(replies(pr.number), []);
  });

  it("acknowledges from the check's button: the check says who, and nothing else is written", async () => {
    const pr = open("Bump ws from 8.17.0 to 8.17.1", "dependabot/npm_and_yarn/ws-8.17.1");
    await h.pullRequestEvent("opened", REPO, pr.number);
    await eventually(() => check(pr.number), 10_000);
    await h.checkRunActionEvent(REPO, pr.number, "ack", "maria");
    const acknowledged = await eventually(() => /Acknowledged:\*\* by maria/.test(check(pr.number)?.output.summary ?? "") && check(pr.number), 10_000);
    assert.equal(acknowledged.conclusion, "success");
    assert.deepEqual(replies(pr.number), [], "an acknowledgement needs no reply");

    await h.checkRunActionEvent(REPO, pr.number, "ack", "visitor");
    await eventually(() => replies(pr.number).length === 1, 10_000);
    assert.match(replies(pr.number)[0] ?? "", /visitor/, "a refused acknowledgement is answered");
  });
});
