// The auto-merge adapter against the stateful fake GitHub through Probot's own Octokit: which of GitHub's
// answers lead to auto-merge, to a REST merge pinned to the decided sha, or to a refusal for the check run.
import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ProbotOctokit } from "probot";
import { MISSING_CONTENTS_PERMISSION, type AutoMergePullRequest } from "../../src/github/auto-merge.js";
import { OctokitAutoMerger } from "../../src/github/octokit-auto-merge.js";
import { startFakeGitHub, type FakeGitHub, type PullInit, type PullRecord } from "../fake-github/index.js";

// As in octokit-github-writes.test.ts: Probot keeps `throttle: { enabled: false }` only in the function form.
const TestOctokit = ProbotOctokit.defaults((o: Record<string, unknown> & { throttle?: object }) => ({
  ...o,
  retry: { enabled: false },
  throttle: { ...o?.throttle, enabled: false },
}));

const AUTO = "acme/widgets"; // "Allow auto-merge" on
const PLAIN = "acme/plain"; // "Allow auto-merge" off, GitHub's default
const LIMITED = "limited/widgets"; // installed with contents: read only

let fake: FakeGitHub;
let merger: OctokitAutoMerger;
let limitedMerger: OctokitAutoMerger;

before(async () => {
  fake = await startFakeGitHub({ now: "2026-11-02T09:00:00Z" });
  fake.addInstallation({ id: 1, account: "acme" });
  fake.addInstallation({
    id: 2, account: "limited",
    permissions: { metadata: "read", contents: "read", issues: "write", pull_requests: "write", checks: "write" },
  });
  fake.addRepo({ owner: "acme", name: "widgets", allow_auto_merge: true });
  fake.addRepo({ owner: "acme", name: "plain" });
  fake.addRepo({ owner: "limited", name: "widgets", allow_auto_merge: true });
  const octokit = (installation: number) =>
    new TestOctokit({ auth: { token: fake.createInstallationToken(installation) }, baseUrl: fake.baseUrl });
  merger = new OctokitAutoMerger(octokit(1));
  limitedMerger = new OctokitAutoMerger(octokit(2));
});
after(() => fake.close());
beforeEach(() => fake.resetLog());

function repoName(fullName: string): { owner: string; repo: string } {
  const [owner = "", repo = ""] = fullName.split("/");
  return { owner, repo };
}

/** A Dependabot PR and what the caller would hand the adapter: its number, node id and head sha. */
function openPr(fullName: string, init: PullInit = {}): { record: PullRecord; pr: AutoMergePullRequest } {
  const record = fake.addPullRequest(fullName, { title: "Bump lodash from 4.17.20 to 4.17.21", ...init });
  const json = fake.pull(fullName, record.number);
  const pr = { number: record.number, nodeId: String(json["node_id"]), headSha: (json["head"] as { sha: string }).sha };
  fake.resetLog();
  return { record, pr };
}

const mergeCalls = () => fake.requestsMatching("PUT", /\/pulls\/\d+\/merge$/);
const mutations = () => fake.requestsMatching("POST", /^\/graphql$/);

describe("OctokitAutoMerger.enable", () => {
  it("enables auto-merge on a PR that still waits for something, and again without harm", async () => {
    const { record, pr } = openPr(AUTO, { mergeable_state: "blocked" });
    assert.deepEqual(await merger.enable(repoName(AUTO), pr, "squash"), { state: "enabled" });
    assert.equal(record.auto_merge?.merge_method, "squash");
    assert.equal(record.auto_merge?.enabled_by.login, fake.botLogin);
    const [call] = mutations();
    assert.deepEqual((call?.body as { variables: unknown }).variables, {
      pullRequestId: pr.nodeId, mergeMethod: "SQUASH", expectedHeadOid: pr.headSha,
    });
    assert.deepEqual(await merger.enable(repoName(AUTO), pr, "squash"), { state: "enabled" });
    assert.equal(mergeCalls().length, 0);
    assert.equal(record.merged, false);
    assert.deepEqual(fake.unhandled(), []);
  });

  it("merges over REST, pinned to the head sha, when GitHub says the PR is in clean status", async () => {
    const { record, pr } = openPr(AUTO);
    assert.deepEqual(await merger.enable(repoName(AUTO), pr, "rebase"), { state: "merged" });
    assert.equal(mutations()[0]?.status, 200);
    const calls = mergeCalls();
    assert.equal(calls.length, 1);
    assert.deepEqual(calls[0]?.body, { merge_method: "rebase", sha: pr.headSha });
    assert.equal(record.merged, true);
    assert.equal(record.auto_merge, null);
  });

  it("merges a mergeable PR when the repository does not allow auto-merge", async () => {
    const { record, pr } = openPr(PLAIN);
    assert.deepEqual(await merger.enable(repoName(PLAIN), pr, "merge"), { state: "merged" });
    assert.deepEqual(mergeCalls()[0]?.body, { merge_method: "merge", sha: pr.headSha });
    assert.equal(record.merged, true);
  });

  it("does not merge a blocked PR when the repository does not allow auto-merge", async () => {
    const { record, pr } = openPr(PLAIN, { mergeable_state: "blocked" });
    assert.deepEqual(await merger.enable(repoName(PLAIN), pr, "squash"), {
      state: "refused",
      reason: "Auto merge is not allowed for this repository, and the pull request cannot merge yet: it is blocked (required reviews or checks are missing)",
    });
    assert.equal(mergeCalls().length, 0);
    assert.equal(record.merged, false);
  });

  it("refuses a PR GitHub will not auto-merge (conflicts), in GitHub's words", async () => {
    const { pr } = openPr(AUTO, { mergeable: false, mergeable_state: "dirty" });
    assert.deepEqual(await merger.enable(repoName(AUTO), pr, "squash"), {
      state: "refused", reason: "GitHub refused to enable auto-merge: Can't enable auto-merge for this pull request",
    });
    assert.equal(mergeCalls().length, 0);
  });

  it("refuses when the REST merge answers 405 (not mergeable)", async () => {
    const { record, pr } = openPr(AUTO);
    fake.failNext({ method: "PUT", path: /\/pulls\/\d+\/merge$/, status: 405, body: { message: "Pull Request is not mergeable" } });
    assert.deepEqual(await merger.enable(repoName(AUTO), pr, "squash"), {
      state: "refused", reason: "GitHub refused to merge: Pull Request is not mergeable",
    });
    assert.equal(record.merged, false);
  });

  it("refuses with the permission to grant when the installation lacks contents: write", async () => {
    const { record, pr } = openPr(LIMITED, { mergeable_state: "blocked" });
    assert.deepEqual(await limitedMerger.enable(repoName(LIMITED), pr, "squash"), { state: "refused", reason: MISSING_CONTENTS_PERMISSION });
    assert.equal(record.auto_merge, null);
    const clean = openPr(LIMITED).pr;
    assert.deepEqual(await limitedMerger.enable(repoName(LIMITED), clean, "squash"), { state: "refused", reason: MISSING_CONTENTS_PERMISSION });
    assert.equal(mergeCalls().length, 0);
  });

  it("never merges a head it was not asked about: a clean PR whose head moved gets 409", async () => {
    const { record, pr } = openPr(AUTO);
    fake.addCommit(AUTO, pr.number, { message: "sneaky", author: "mallory" });
    fake.resetLog();
    assert.deepEqual(await merger.enable(repoName(AUTO), pr, "squash"), {
      state: "refused", reason: "GitHub refused to merge: Head branch was modified. Review and try the merge again.",
    });
    assert.equal(mergeCalls()[0]?.status, 409);
    assert.equal(record.merged, false);
  });

  it("never arms auto-merge for a head it was not asked about", async () => {
    const { record, pr } = openPr(AUTO, { mergeable_state: "blocked" });
    fake.addCommit(AUTO, pr.number, { message: "sneaky", author: "mallory" });
    assert.deepEqual(await merger.enable(repoName(AUTO), pr, "squash"), {
      state: "refused", reason: "GitHub refused to enable auto-merge: Head sha didn't match expected head sha",
    });
    assert.equal(record.auto_merge, null);
  });

  it("answers merged for a PR that is already merged, and refuses a closed one", async () => {
    const merged = openPr(AUTO, { merged: true }).pr;
    assert.deepEqual(await merger.enable(repoName(AUTO), merged, "squash"), { state: "merged" });
    const closed = openPr(PLAIN, { state: "closed" }).pr;
    assert.deepEqual(await merger.enable(repoName(PLAIN), closed, "squash"), { state: "refused", reason: "the pull request is closed" });
    assert.equal(mergeCalls().length, 0);
  });

  it("answers merged when a retried job finds its own merge done", async () => {
    const { pr } = openPr(AUTO);
    assert.deepEqual(await merger.enable(repoName(AUTO), pr, "squash"), { state: "merged" });
    assert.deepEqual(await merger.enable(repoName(AUTO), pr, "squash"), { state: "merged" });
  });

  it("rethrows what it does not know, so the job is retried", async () => {
    const { pr } = openPr(AUTO, { mergeable_state: "blocked" });
    fake.failNext({ path: /^\/graphql$/, status: 502 });
    await assert.rejects(merger.enable(repoName(AUTO), pr, "squash"), (error: { status?: number }) => error.status === 502);
    const clean = openPr(AUTO).pr;
    fake.failNext({ method: "PUT", path: /\/pulls\/\d+\/merge$/, status: 500 });
    await assert.rejects(merger.enable(repoName(AUTO), clean, "squash"), (error: { status?: number }) => error.status === 500);
  });

  it("waits (throws) while GitHub has not computed mergeability and auto-merge is off", async () => {
    const { pr } = openPr(PLAIN, { mergeable: null, mergeable_state: "unknown" });
    await assert.rejects(merger.enable(repoName(PLAIN), pr, "squash"), /has not computed whether it can merge yet/);
    assert.equal(mergeCalls().length, 0);
  });
});
