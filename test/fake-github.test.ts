// Drives the fake GitHub through the real clients the app uses: @octokit/rest with an installation
// token, and Probot's ProbotOctokit authenticated as the app (JWT → installation token).
import assert from "node:assert/strict";
import { createHmac, generateKeyPairSync } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, describe, test } from "node:test";
import { Octokit } from "@octokit/rest";
import { createProbot, ProbotOctokit } from "probot";
import { primaryRateLimit, secondaryRateLimit, startFakeGitHub, type FakeGitHub } from "./fake-github/index.js";

const REPO = "acme/widgets";
const owner = "acme";
const repo = "widgets";
const INSTALLATION = 42;

const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

// Probot replaces a plain `throttle: { enabled: false }`; only the function form sticks (TECH-NOTES).
const TestOctokit = ProbotOctokit.defaults((o: Record<string, unknown> & { throttle?: object }) => ({
  ...o,
  retry: { enabled: false },
  throttle: { ...o?.throttle, enabled: false },
}));

type AppOctokit = Awaited<ReturnType<ReturnType<typeof createProbot>["auth"]>>;

let fake: FakeGitHub;
let gh: Octokit;
let app: AppOctokit;

function probotFor(target: FakeGitHub, env: NodeJS.ProcessEnv = {}) {
  return createProbot({
    env,
    overrides: { appId: 1, privateKey, secret: "s", baseUrl: target.baseUrl, Octokit: TestOctokit, logLevel: "fatal" },
  });
}

// @octokit/rest logs every failed request to the console; the failures here are on purpose.
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
function restClient(token: string): Octokit {
  return new Octokit({ baseUrl: fake.baseUrl, auth: token, log: quiet });
}

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    return (error as { status: number }).status;
  }
}

before(async () => {
  fake = await startFakeGitHub({ now: "2026-03-01T10:00:00Z" });
  fake.addInstallation({ id: INSTALLATION, account: "acme" });
  fake.addRepo({ owner, name: repo, allow_auto_merge: true });
  fake.addPullRequest(REPO, { number: 1, title: "Bump lodash from 4.17.20 to 4.17.21", head: { ref: "dependabot/npm_and_yarn/lodash-4.17.21" } });
  fake.setFile(REPO, ".github/merge-discipline.yml", "sla:\n  major: 14\n");
  gh = restClient(fake.createInstallationToken(INSTALLATION));
  app = await probotFor(fake).auth(INSTALLATION);
});

after(() => fake.close());

describe("authentication", () => {
  test("Probot exchanges its JWT for an installation token, and calls are attributed to the installation", async () => {
    fake.resetLog();
    const { data } = await app.rest.repos.get({ owner, repo });
    assert.equal(data.full_name, REPO);
    const [exchange, call] = fake.requests;
    assert.equal(exchange?.path, `/app/installations/${INSTALLATION}/access_tokens`);
    assert.equal(exchange?.installationId, null);
    assert.equal(call?.installationId, INSTALLATION);
  });

  test("the app itself (JWT) can read /app and its installations", async () => {
    const appOctokit = await probotFor(fake).auth();
    const { data } = await appOctokit.rest.apps.getAuthenticated();
    assert.equal(data?.slug, "merge-discipline");
    const installation = await appOctokit.rest.apps.getRepoInstallation({ owner, repo });
    assert.equal(installation.data.id, INSTALLATION);
  });

  test("GHE_HOST + GHE_PROTOCOL=http reaches the fake too", async () => {
    const probot = createProbot({
      env: { GHE_HOST: fake.host, GHE_PROTOCOL: "http", APP_ID: "1", PRIVATE_KEY: privateKey, LOG_LEVEL: "fatal" },
      overrides: { Octokit: TestOctokit },
    });
    const octokit = await probot.auth(INSTALLATION);
    assert.equal((await octokit.rest.pulls.get({ owner, repo, pull_number: 1 })).data.number, 1);
  });

  test("unknown tokens get 401 Bad credentials; a JWT without iss is refused", async () => {
    const stranger = restClient("ghs_notarealtoken");
    await assert.rejects(stranger.rest.repos.get({ owner, repo }), { status: 401, message: /Bad credentials/ });
    const body = Buffer.from(JSON.stringify({ exp: Date.now() / 1000 + 60 })).toString("base64url");
    const response = await fetch(`${fake.baseUrl}/app/installations/${INSTALLATION}/access_tokens`, {
      method: "POST", headers: { authorization: `Bearer eyJhbGciOiJSUzI1NiJ9.${body}.sig` },
    });
    assert.equal(response.status, 401);
  });

  test("another installation's private repo is invisible (404); its public repo is read-only", async () => {
    fake.addInstallation({ id: 7, account: "globex" });
    fake.addRepo({ owner: "globex", name: "secret" });
    fake.addRepo({ owner: "globex", name: "oss", private: false });
    assert.equal(await status(gh.rest.repos.get({ owner: "globex", repo: "secret" })), 404);
    assert.equal(await status(gh.rest.repos.get({ owner: "globex", repo: "oss" })), 200);
    assert.equal(await status(gh.rest.issues.create({ owner: "globex", repo: "oss", title: "hi" })), 403);
  });

  test("revoked tokens get 401", async () => {
    const octokit = restClient(fake.createInstallationToken(INSTALLATION));
    assert.equal(await status(octokit.rest.repos.get({ owner, repo })), 200);
    fake.revokeTokens(INSTALLATION);
    assert.equal(await status(octokit.rest.repos.get({ owner, repo })), 401);
    gh = restClient(fake.createInstallationToken(INSTALLATION));
    app = await probotFor(fake).auth(INSTALLATION);
  });

  test("a token without contents: write cannot merge (403)", async () => {
    const readOnly = restClient(fake.createInstallationToken(INSTALLATION, { contents: "read", pull_requests: "write" }));
    await assert.rejects(readOnly.rest.pulls.merge({ owner, repo, pull_number: 1 }), { status: 403, message: /not accessible by integration/ });
  });
});

describe("comments and reactions", () => {
  test("a comment posted by the app is listed back, authored by its bot user", async () => {
    const created = await app.rest.issues.createComment({ owner, repo, issue_number: 1, body: "Nudge <!-- md:nudge -->" });
    assert.equal(created.status, 201);
    assert.equal(created.data.user?.login, "merge-discipline[bot]");
    assert.equal(created.data.user?.type, "Bot");
    assert.match(created.data.html_url, /\/acme\/widgets\/pull\/1#issuecomment-\d+$/);
    const listed = await app.rest.issues.listComments({ owner, repo, issue_number: 1 });
    assert.deepEqual(listed.data.map((c) => c.body), ["Nudge <!-- md:nudge -->"]);
    assert.equal(fake.comments(REPO, 1).length, 1);

    const edited = await gh.rest.issues.updateComment({ owner, repo, comment_id: created.data.id, body: "Edited" });
    assert.equal(edited.data.body, "Edited");
    assert.equal(await status(gh.rest.issues.deleteComment({ owner, repo, comment_id: created.data.id })), 200);
    assert.equal(fake.comments(REPO, 1).length, 0);
    assert.equal(await status(gh.rest.issues.updateComment({ owner, repo, comment_id: created.data.id, body: "x" })), 404);
  });

  test("reactions: 201 when new, 200 when the same user already reacted so", async () => {
    const comment = fake.addComment(REPO, 1, { body: "@merge-discipline merge", user: "alice" });
    const first = await gh.rest.reactions.createForIssueComment({ owner, repo, comment_id: comment.id, content: "eyes" });
    const again = await gh.rest.reactions.createForIssueComment({ owner, repo, comment_id: comment.id, content: "eyes" });
    assert.equal(first.status, 201);
    assert.equal(again.status, 200);
    assert.equal(again.data.id, first.data.id);
  });

  test("422 for a missing or oversized body, 404 for an unknown issue", async () => {
    const missing = gh.request("POST /repos/acme/widgets/issues/1/comments", {});
    await assert.rejects(missing, (error: { status: number; response: { data: { errors: { code: string }[] } } }) =>
      error.status === 422 && error.response.data.errors[0]?.code === "missing_field");
    assert.equal(await status(gh.rest.issues.createComment({ owner, repo, issue_number: 1, body: "x".repeat(65_537) })), 422);
    assert.equal(await status(gh.rest.issues.createComment({ owner, repo, issue_number: 999, body: "hi" })), 404);
  });
});

describe("labels", () => {
  test("add, list, remove on a PR; duplicate repo label is 422 already_exists", async () => {
    const added = await app.rest.issues.addLabels({ owner, repo, issue_number: 1, labels: ["dependencies", "overdue"] });
    assert.deepEqual(added.data.map((l) => l.name), ["dependencies", "overdue"]);
    assert.deepEqual(fake.labels(REPO, 1), ["dependencies", "overdue"]);
    const remaining = await app.rest.issues.removeLabel({ owner, repo, issue_number: 1, name: "overdue" });
    assert.deepEqual(remaining.data.map((l) => l.name), ["dependencies"]);
    assert.equal(await status(app.rest.issues.removeLabel({ owner, repo, issue_number: 1, name: "overdue" })), 404);
    const listed = await app.rest.issues.listLabelsOnIssue({ owner, repo, issue_number: 1 });
    assert.deepEqual(listed.data.map((l) => l.name), ["dependencies"]);

    await app.rest.issues.createLabel({ owner, repo, name: "sla/breached", color: "b60205" });
    await assert.rejects(app.rest.issues.createLabel({ owner, repo, name: "SLA/Breached" }), (error: { status: number; response: { data: { errors: { code: string }[] } } }) =>
      error.status === 422 && error.response.data.errors[0]?.code === "already_exists");
    // A name with a slash travels URL-encoded and still resolves.
    assert.equal((await app.rest.issues.getLabel({ owner, repo, name: "sla/breached" })).data.color, "b60205");
  });
});

describe("check runs", () => {
  test("create, update, list by sha and by branch with check_name, get by id", async () => {
    const sha = String((fake.pull(REPO, 1)["head"] as { sha: string }).sha);
    const created = await app.rest.checks.create({ owner, repo, name: "merge-discipline", head_sha: sha, status: "in_progress" });
    assert.equal(created.data.status, "in_progress");
    assert.deepEqual(created.data.pull_requests.map((p) => p.number), [1]);
    await app.rest.checks.create({ owner, repo, name: "ci", head_sha: sha, conclusion: "success" });
    const updated = await app.rest.checks.update({
      owner, repo, check_run_id: created.data.id, conclusion: "neutral",
      output: { title: "Due in 3 days", summary: "SLA: 14 days" },
      actions: [{ label: "Merge now", description: "Squash-merge this PR", identifier: "merge" }],
    });
    assert.equal(updated.data.status, "completed");
    assert.ok(updated.data.completed_at);
    const byName = await app.rest.checks.listForRef({ owner, repo, ref: sha, check_name: "merge-discipline" });
    assert.equal(byName.data.total_count, 1);
    assert.equal(byName.data.check_runs[0]?.output.title, "Due in 3 days");
    const byBranch = await app.rest.checks.listForRef({ owner, repo, ref: "dependabot/npm_and_yarn/lodash-4.17.21" });
    assert.equal(byBranch.data.total_count, 2);
    assert.equal((await app.rest.checks.get({ owner, repo, check_run_id: created.data.id })).data.conclusion, "neutral");
    assert.equal(fake.checkRuns(REPO, sha).length, 2);
  });

  test("422 without head_sha, or with more than 3 actions", async () => {
    assert.equal(await status(gh.request("POST /repos/acme/widgets/check-runs", { name: "x" })), 422);
    const sha = String((fake.pull(REPO, 1)["head"] as { sha: string }).sha);
    const action = { label: "a", description: "b", identifier: "c" };
    assert.equal(await status(gh.rest.checks.create({ owner, repo, name: "x", head_sha: sha, actions: [action, action, action, action] })), 422);
  });
});

describe("contents", () => {
  test("Probot's config plugin reads YAML through the raw media type and a URL-encoded path", async () => {
    fake.resetLog();
    const { config } = await app.config.get({ owner, repo, path: ".github/merge-discipline.yml" });
    assert.deepEqual(config, { sla: { major: 14 } });
    assert.equal(fake.requestsMatching("GET", /contents\/\.github\/merge-discipline\.yml$/).length, 1);
  });

  test("JSON answer carries base64 content; a missing file is 404", async () => {
    const { data } = await gh.rest.repos.getContent({ owner, repo, path: ".github/merge-discipline.yml" });
    assert.ok(!Array.isArray(data) && data.type === "file");
    assert.equal(Buffer.from(data.content ?? "", "base64").toString("utf8"), "sla:\n  major: 14\n");
    assert.equal(await status(gh.rest.repos.getContent({ owner, repo, path: "nope.yml" })), 404);
  });
});

describe("issues", () => {
  test("create, close as not planned; 422 without a title", async () => {
    const { data } = await app.rest.issues.create({ owner, repo, title: "Dependency digest", body: "…", labels: ["digest"] });
    assert.equal(data.user?.login, "merge-discipline[bot]");
    const closed = await app.rest.issues.update({ owner, repo, issue_number: data.number, state: "closed", state_reason: "not_planned" });
    assert.equal(closed.data.state_reason, "not_planned");
    assert.ok(fake.issues(REPO).some((i) => i["title"] === "Dependency digest"));
    assert.equal(await status(gh.request("POST /repos/acme/widgets/issues", { body: "no title" })), 422);
  });

  test("closing a PR through the issues endpoint closes the PR", async () => {
    const pr = fake.addPullRequest(REPO);
    const { data } = await gh.rest.issues.update({ owner, repo, issue_number: pr.number, state: "closed" });
    assert.equal(data.state, "closed");
    assert.equal(fake.pull(REPO, pr.number)["state"], "closed");
    assert.equal(fake.pull(REPO, pr.number)["merged"], false);
  });

  test("list pages with Link headers; PRs appear with a pull_request key", async () => {
    for (let i = 0; i < 4; i++) fake.addIssue(REPO, { title: `old ${i}`, labels: ["stale"] });
    const first = await gh.rest.issues.listForRepo({ owner, repo, per_page: 2, state: "all" });
    assert.match(first.headers.link ?? "", /page=2>; rel="next"/);
    assert.match(first.headers.link ?? "", /rel="last"/);
    const all = await gh.paginate(gh.rest.issues.listForRepo, { owner, repo, per_page: 2, state: "all" });
    assert.equal(all.length, fake.state.requireRepo(REPO).issues.size);
    assert.ok(all.find((i) => i.number === 1)?.pull_request);
    const stale = await gh.paginate(gh.rest.issues.listForRepo, { owner, repo, labels: "stale" });
    assert.equal(stale.length, 4);
  });
});

describe("pull requests", () => {
  test("get, list by head, commits (verified, by the bot), files, empty reviews", async () => {
    const pr = fake.addPullRequest(REPO, { title: "Update dependency react to v19", user: "renovate[bot]", head: { ref: "renovate/react-19.x" } });
    fake.addPullFile(REPO, pr.number, { filename: "package.json", status: "modified", additions: 1, deletions: 1 });
    fake.addCommit(REPO, pr.number, { author: { login: "mallory", id: 666 }, verified: false, message: "sneaky" });
    const { data } = await gh.rest.pulls.get({ owner, repo, pull_number: pr.number });
    assert.equal(data.user.type, "Bot");
    assert.equal(data.head.sha, pr.head.sha);
    assert.equal(data.commits, 2);
    const listed = await gh.rest.pulls.list({ owner, repo, head: "acme:renovate/react-19.x" });
    assert.deepEqual(listed.data.map((p) => p.number), [pr.number]);
    const commits = await gh.rest.pulls.listCommits({ owner, repo, pull_number: pr.number });
    assert.deepEqual(commits.data.map((c) => [c.author?.login, c.commit.verification?.verified]), [["renovate[bot]", true], ["mallory", false]]);
    assert.equal((await gh.rest.pulls.listFiles({ owner, repo, pull_number: pr.number })).data[0]?.filename, "package.json");
    assert.deepEqual((await gh.rest.pulls.listReviews({ owner, repo, pull_number: pr.number })).data, []);
  });

  test("merge is 405 while blocked, then merges when clean", async () => {
    const pr = fake.addPullRequest(REPO, { mergeable_state: "blocked" });
    await assert.rejects(app.rest.pulls.merge({ owner, repo, pull_number: pr.number }), { status: 405 });
    pr.mergeable_state = "clean";
    const merged = await app.rest.pulls.merge({ owner, repo, pull_number: pr.number, merge_method: "squash" });
    assert.equal(merged.data.merged, true);
    assert.equal(fake.pull(REPO, pr.number)["state"], "closed");
  });
});

describe("GraphQL auto-merge", () => {
  // `method`, `url` and `query` are reserved by @octokit/graphql and cannot name variables.
  const mutation = `mutation($id: ID!, $mergeMethod: PullRequestMergeMethod) {
    enablePullRequestAutoMerge(input: { pullRequestId: $id, mergeMethod: $mergeMethod }) { pullRequest { autoMergeRequest { enabledAt } } }
  }`;

  test("refused in clean status, recorded when blocked, refused when the repo disallows it", async () => {
    const pr = fake.addPullRequest(REPO);
    const vars = { id: pr.pull_node_id, mergeMethod: "SQUASH" };
    await assert.rejects(app.graphql(mutation, vars), /Pull request is in clean status/);
    pr.mergeable_state = "blocked";
    await app.graphql(mutation, vars);
    assert.equal((fake.pullRequestPayload(REPO, pr.number)["auto_merge"] as { merge_method: string }).merge_method, "squash");
    fake.state.requireRepo(REPO).allow_auto_merge = false;
    await assert.rejects(app.graphql(mutation, vars), /Auto merge is not allowed/);
    fake.state.requireRepo(REPO).allow_auto_merge = true;
  });

  test("an unknown query is a GraphQL error and is recorded as unhandled", async () => {
    await assert.rejects(app.graphql("{ viewer { login } }"), /Field 'viewer' doesn't exist/);
    assert.ok(fake.unhandled().some((r) => r.path === "/graphql"));
  });
});

describe("collaborators, teams, Dependabot alerts", () => {
  test("permission levels, including the legacy field folding maintain into write", async () => {
    fake.setPermission(REPO, "alice", "maintain");
    const alice = await gh.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: "alice" });
    assert.deepEqual([alice.data.permission, alice.data.role_name], ["write", "maintain"]);
    const nobody = await gh.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: "nobody" });
    assert.equal(nobody.data.permission, "none");
    fake.addTeam("acme", "platform", ["alice", "bob"]);
    const members = await gh.rest.teams.listMembersInOrg({ org: "acme", team_slug: "platform" });
    assert.deepEqual(members.data.map((m) => m.login), ["alice", "bob"]);
    assert.equal(await status(gh.rest.teams.listMembersInOrg({ org: "acme", team_slug: "ghosts" })), 404);
  });

  test("alerts filter by state and page with an `after` cursor", async () => {
    fake.addDependabotAlert(REPO, { package: "lodash", severity: "critical", cve_id: "CVE-2021-23337" });
    fake.addDependabotAlert(REPO, { package: "minimist", severity: "low" });
    fake.addDependabotAlert(REPO, { package: "axios", severity: "high" });
    fake.addDependabotAlert(REPO, { package: "old", state: "fixed", fixed_at: "2026-01-01T00:00:00Z" });
    const page = await gh.rest.dependabot.listAlertsForRepo({ owner, repo, state: "open", per_page: 2 });
    assert.match(page.headers.link ?? "", /after=[^&>]+.*rel="next"/);
    const open = await gh.paginate(gh.rest.dependabot.listAlertsForRepo, { owner, repo, state: "open", per_page: 2 });
    assert.deepEqual(open.map((a) => a.dependency.package?.name).sort(), ["axios", "lodash", "minimist"]);
    const lodash = open.find((a) => a.dependency.package?.name === "lodash");
    assert.equal(lodash?.security_advisory.cve_id, "CVE-2021-23337");
    assert.equal(lodash?.security_vulnerability.first_patched_version?.identifier, "1.0.1");
  });
});

describe("errors, rate limits and the request log", () => {
  beforeEach(() => fake.clearFaults());

  test("an unimplemented endpoint is 404 and recorded", async () => {
    assert.equal(await status(gh.request("GET /repos/{owner}/{repo}/branches", { owner, repo })), 404);
    assert.ok(fake.unhandled().some((r) => r.path === "/repos/acme/widgets/branches"));
    assert.equal(await status(gh.rest.repos.get({ owner, repo: "missing" })), 404);
  });

  test("failNext: 500 once, then normal; 502 twice; custom 422 body", async () => {
    fake.failNext({ method: "GET", path: /^\/repos\/acme\/widgets$/, status: 500 });
    assert.equal(await status(gh.rest.repos.get({ owner, repo })), 500);
    assert.equal(await status(gh.rest.repos.get({ owner, repo })), 200);
    fake.failNext({ path: /\/pulls\/1$/, status: 502, times: 2 });
    assert.equal(await status(gh.rest.pulls.get({ owner, repo, pull_number: 1 })), 502);
    assert.equal(await status(gh.rest.pulls.get({ owner, repo, pull_number: 1 })), 502);
    assert.equal(await status(gh.rest.pulls.get({ owner, repo, pull_number: 1 })), 200);
    fake.failNext({ method: "POST", path: /comments$/, status: 422, body: { message: "Validation Failed", errors: [{ code: "custom" }] } });
    await assert.rejects(gh.rest.issues.createComment({ owner, repo, issue_number: 1, body: "x" }), { status: 422 });
    assert.equal(fake.requests.at(-1)?.injected, true);
  });

  test("secondary and primary rate-limit presets carry GitHub's headers", async () => {
    fake.failNext({ method: "POST", path: /comments$/, ...secondaryRateLimit(7) });
    await assert.rejects(gh.rest.issues.createComment({ owner, repo, issue_number: 1, body: "x" }),
      (error: { status: number; response: { headers: Record<string, string> }; message: string }) =>
        error.status === 403 && error.response.headers["retry-after"] === "7" && /secondary rate limit/.test(error.message));
    fake.failNext({ path: /./, ...primaryRateLimit(new Date(Date.now() + 30_000)) });
    await assert.rejects(gh.rest.repos.get({ owner, repo }), (error: { response: { headers: Record<string, string> } }) =>
      error.response.headers["x-ratelimit-remaining"] === "0");
  });

  test("normal answers carry rate-limit headers; an exhausted budget answers 403", async () => {
    const a = await gh.rest.repos.get({ owner, repo });
    const b = await gh.rest.repos.get({ owner, repo });
    assert.equal(a.headers["x-ratelimit-limit"], "5000");
    assert.equal(Number(a.headers["x-ratelimit-remaining"]) - 1, Number(b.headers["x-ratelimit-remaining"]));
    assert.ok(a.headers["x-github-request-id"]);
    assert.ok(a.headers["x-ratelimit-reset"]);
    const tight = fake.createInstallationToken(INSTALLATION);
    fake.setRateLimit(INSTALLATION, { remaining: 1 });
    const octokit = restClient(tight);
    assert.equal(await status(octokit.rest.repos.get({ owner, repo })), 200);
    await assert.rejects(octokit.rest.repos.get({ owner, repo }), { status: 403, message: /API rate limit exceeded/ });
    fake.setRateLimit(INSTALLATION, { remaining: 5000 });
  });

  test("a conditional GET answered 304 does not spend rate limit", async () => {
    const first = await gh.rest.repos.get({ owner, repo });
    const again = await status(gh.rest.repos.get({ owner, repo, headers: { "if-none-match": first.headers.etag } }));
    assert.equal(again, 304);
    const after = await gh.rest.repos.get({ owner, repo });
    assert.equal(Number(after.headers["x-ratelimit-used"]), Number(first.headers["x-ratelimit-used"]) + 1);
  });

  test("the log records path, query, body and installation; writeCount counts writes only", async () => {
    fake.resetLog();
    await app.rest.issues.listForRepo({ owner, repo, state: "open", per_page: 5 });
    await app.rest.issues.createComment({ owner, repo, issue_number: 1, body: "one" });
    await app.rest.issues.addLabels({ owner, repo, issue_number: 1, labels: ["nudged"] });
    assert.equal(fake.writeCount(), 2);
    const [list] = fake.requestsMatching("GET", /^\/repos\/acme\/widgets\/issues$/);
    assert.deepEqual(list?.query, { state: "open", per_page: "5" });
    assert.equal(list?.installationId, INSTALLATION);
    const [comment] = fake.requestsMatching("POST", /\/issues\/1\/comments$/);
    assert.deepEqual(comment?.body, { body: "one" });
    assert.equal(comment?.status, 201);
  });

  test("a 401 within 5 s of minting is retried by @octokit/auth-app (token replication delay)", async () => {
    const fresh = await probotFor(fake).auth(INSTALLATION);
    await fresh.rest.repos.get({ owner, repo });
    fake.resetLog();
    fake.failNext({ method: "GET", path: /^\/repos\/acme\/widgets$/, status: 401, body: { message: "Bad credentials" } });
    await fresh.rest.repos.get({ owner, repo });
    assert.deepEqual(fake.requests.map((r) => r.status), [401, 200]);
  });
});

describe("the app's webhook deliveries", () => {
  test("are listed as the app only, newest first, by cursor pages; a redelivery re-sends the signed payload under the same guid", async () => {
    const received: Array<{ delivery: string; signature: string; body: string }> = [];
    const receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      req.on("end", () => {
        received.push({ delivery: String(req.headers["x-github-delivery"]), signature: String(req.headers["x-hub-signature-256"]), body });
        res.writeHead(200).end("ok");
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    try {
      fake.setAppWebhook({ url, secret: "s3cret" });
      const payload = { action: "opened", installation: { id: INSTALLATION }, repository: { id: 77 } };
      const old = fake.recordDelivery("pull_request", payload, { delivered_at: "2026-02-20T10:00:00Z" });
      const lost = fake.recordDelivery("pull_request", payload);
      const delivered = await fake.sendWebhook("issues", { action: "closed" });
      assert.equal(delivered.status, "OK");

      const appOctokit = await probotFor(fake).auth();
      const firstPage = await appOctokit.rest.apps.listWebhookDeliveries({ per_page: 2 });
      assert.deepEqual(firstPage.data.map((d) => d.id), [delivered.id, lost.id]);
      assert.deepEqual([firstPage.data[1]?.status_code, firstPage.data[1]?.installation_id, firstPage.data[1]?.repository_id], [502, INSTALLATION, 77]);
      assert.match(String(firstPage.headers.link), /[?&]cursor=v1_\d+.*rel="next"/);
      const all = await appOctokit.paginate(appOctokit.rest.apps.listWebhookDeliveries, { per_page: 2 });
      assert.deepEqual(all.map((d) => d.id), [delivered.id, lost.id, old.id]);
      const failures = await appOctokit.rest.apps.listWebhookDeliveries({ status: "failure" });
      assert.deepEqual(failures.data.map((d) => d.id), [lost.id, old.id]);
      assert.equal(await status(gh.rest.apps.listWebhookDeliveries()), 401, "an installation token is refused");

      assert.equal((await appOctokit.rest.apps.getWebhookDelivery({ delivery_id: lost.id })).data.request.payload?.["action"], "opened");
      assert.equal(await status(appOctokit.rest.apps.redeliverWebhookDelivery({ delivery_id: 1 })), 404);
      assert.equal(await status(appOctokit.rest.apps.redeliverWebhookDelivery({ delivery_id: old.id })), 422, "older than the window");
      const answer = await appOctokit.rest.apps.redeliverWebhookDelivery({ delivery_id: lost.id });
      assert.equal(answer.status, 202);
      await fake.redeliveriesSettled();
      const resent = received.at(-1);
      assert.equal(resent?.delivery, lost.guid);
      assert.equal(resent?.signature, `sha256=${createHmac("sha256", "s3cret").update(resent?.body ?? "").digest("hex")}`);
      const newest = fake.hookDeliveries().at(-1);
      assert.deepEqual([newest?.guid, newest?.redelivery, newest?.status_code], [lost.guid, true, 200]);
    } finally {
      receiver.close();
    }
  });
});
