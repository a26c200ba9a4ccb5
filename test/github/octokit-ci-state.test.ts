// CI as the Octokit adapter reads it from the fake GitHub: check runs, paginated commit statuses, and the
// base branch's required checks from branch protection and rulesets — with the permission gaps a real
// installation has (no Administration: read → classic protection unreadable; no statuses → CI unknown).
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ProbotOctokit } from "probot";
import { OctokitGitHub } from "../../src/github/octokit-github.js";
import { startFakeGitHub, type FakeGitHub } from "../fake-github/index.js";

const TestOctokit = ProbotOctokit.defaults((o: Record<string, unknown> & { throttle?: object }) => ({
  ...o,
  retry: { enabled: false },
  throttle: { ...o?.throttle, enabled: false },
}));

const CI = { id: 15368, slug: "github-actions", name: "GitHub Actions" };
const BASIC = { metadata: "read", contents: "read", issues: "write", pull_requests: "write", checks: "write", statuses: "read" } as const;

let fake: FakeGitHub;
const github = (installation: number): OctokitGitHub =>
  new OctokitGitHub(new TestOctokit({ auth: { token: fake.createInstallationToken(installation) }, baseUrl: fake.baseUrl }));

before(async () => {
  fake = await startFakeGitHub({ now: "2026-11-02T09:00:00Z" });
  fake.addInstallation({ id: 1, account: "acme" });
  fake.addInstallation({ id: 2, account: "basic", permissions: { ...BASIC } });
  fake.addInstallation({ id: 3, account: "nostatus", permissions: { metadata: "read", contents: "read", pull_requests: "write", checks: "write" } });
  for (const owner of ["acme", "basic", "nostatus"]) fake.addRepo({ owner, name: "app" });
});
after(() => fake.close());

function greenPr(repo: string): { sha: string; number: number; baseRef: string } {
  const pr = fake.addPullRequest(repo, {});
  fake.addCheckRun(repo, { name: "build", head_sha: pr.head.sha, status: "completed", conclusion: "success" }, CI);
  return { sha: pr.head.sha, number: pr.number, baseRef: "main" };
}

describe("OctokitGitHub.ciState", () => {
  it("finds a failing status past the first page of the combined status", async () => {
    const head = greenPr("acme/app");
    for (let i = 0; i < 120; i++) fake.addStatus("acme/app", { sha: head.sha, state: "success", context: `ci/shard-${i}` });
    fake.addStatus("acme/app", { sha: head.sha, state: "failure", context: "ci/shard-0" });
    fake.resetLog();
    assert.equal(await github(1).ciState({ owner: "acme", repo: "app" }, head, "merge-discipline"), "failing");
    assert.equal(fake.requestsMatching("GET", /\/commits\/[0-9a-f]+\/status/).length, 2, "two pages of 100");
    assert.deepEqual(fake.unhandled(), []);
  });

  it("reads classic branch protection and rulesets together", async () => {
    fake.setBranchProtection("acme/app", "main", { requiredChecks: { contexts: ["ci/jenkins"] } });
    const head = greenPr("acme/app");
    assert.equal(await github(1).ciState({ owner: "acme", repo: "app" }, head, "merge-discipline"), "pending");
    fake.addStatus("acme/app", { sha: head.sha, state: "success", context: "ci/jenkins" });
    assert.equal(await github(1).ciState({ owner: "acme", repo: "app" }, head, "merge-discipline"), "passing");
    fake.addRuleset("acme/app", { rules: [{ type: "required_status_checks", parameters: { required_status_checks: [{ context: "e2e", integration_id: CI.id }] } }] });
    assert.equal(await github(1).ciState({ owner: "acme", repo: "app" }, head, "merge-discipline"), "pending");
    fake.addCheckRun("acme/app", { name: "e2e", head_sha: head.sha, status: "completed", conclusion: "success" }, CI);
    assert.equal(await github(1).ciState({ owner: "acme", repo: "app" }, head, "merge-discipline"), "passing");
  });

  it("without Administration: read, classic protection is skipped (403) and rulesets still count", async () => {
    fake.setBranchProtection("basic/app", "main", { requiredChecks: { contexts: ["ci/jenkins"] } });
    fake.addRuleset("basic/app", { rules: [{ type: "required_status_checks", parameters: { required_status_checks: [{ context: "e2e" }] } }] });
    const head = greenPr("basic/app");
    fake.resetLog();
    assert.equal(await github(2).ciState({ owner: "basic", repo: "app" }, head, "merge-discipline"), "pending", "the ruleset's e2e is missing");
    assert.equal(fake.requestsMatching("GET", /protection\/required_status_checks/)[0]?.status, 403);
    fake.addStatus("basic/app", { sha: head.sha, state: "success", context: "e2e" });
    assert.equal(await github(2).ciState({ owner: "basic", repo: "app" }, head, "merge-discipline"), "passing");
  });

  it("an unprotected branch (404) and an inactive ruleset require nothing", async () => {
    fake.addRuleset("acme/app", { enforcement: "evaluate", include: ["refs/heads/release/*"], rules: [{ type: "required_status_checks", parameters: { required_status_checks: [{ context: "x" }] } }] });
    const pr = fake.addPullRequest("acme/app", { base: "develop" });
    fake.addCheckRun("acme/app", { name: "build", head_sha: pr.head.sha, status: "completed", conclusion: "success" }, CI);
    fake.resetLog();
    assert.equal(await github(1).ciState({ owner: "acme", repo: "app" }, { sha: pr.head.sha, number: pr.number, baseRef: null }, "merge-discipline"), "passing");
    assert.equal(fake.requestsMatching("GET", /protection\/required_status_checks/)[0]?.status, 404);
    assert.equal(fake.requestsMatching("GET", /\/pulls\/\d+$/).length, 1, "a record without a base branch asks the PR for it");
  });

  it("cannot say passing when commit statuses are not readable", async () => {
    const head = greenPr("nostatus/app");
    assert.equal(await github(3).ciState({ owner: "nostatus", repo: "app" }, head, "merge-discipline"), "unknown");
  });
});
