// The write adapter against the stateful fake GitHub through Probot's own Octokit: what it wrote, and
// above all what it did not write.
import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { OctokitGitHubWrites } from "../../src/github/octokit-github-writes.js";
import type { CheckRunSpec } from "../../src/github/github-writes.js";
import { ProbotOctokit } from "probot";
import { startFakeGitHub, type FakeGitHub } from "../fake-github/index.js";

// As test/helpers/app-harness.ts builds it (importing it would load the whole app): Probot only keeps
// `throttle: { enabled: false }` in the function form (TECH-NOTES).
const TestOctokit = ProbotOctokit.defaults((o: Record<string, unknown> & { throttle?: object }) => ({
  ...o,
  retry: { enabled: false },
  throttle: { ...o?.throttle, enabled: false },
}));

const REPO = "acme/widgets";
const repo = { owner: "acme", repo: "widgets" };

let fake: FakeGitHub;
let writes: OctokitGitHubWrites;
let prNumber = 0;
let headSha = "";

before(async () => {
  fake = await startFakeGitHub({ now: "2026-11-02T09:00:00Z" });
  fake.addInstallation({ id: 1, account: "acme" });
  fake.addRepo({ owner: "acme", name: "widgets" });
  const octokit = new TestOctokit({ auth: { token: fake.createInstallationToken(1) }, baseUrl: fake.baseUrl });
  writes = new OctokitGitHubWrites({ octokit, botLogin: fake.botLogin });
});
after(() => fake.close());
beforeEach(() => {
  const pr = fake.addPullRequest(REPO, { title: "Bump lodash from 4.17.20 to 4.17.21", labels: ["dependencies"] });
  prNumber = pr.number;
  headSha = String((fake.pull(REPO, pr.number)["head"] as { sha: string }).sha);
  fake.resetLog();
});

const M_ESC = "<!-- md:escalation -->";
const M_DIGEST = "<!-- md:digest -->";
const bodies = (): string[] => fake.comments(REPO, prNumber).map((c) => String(c["body"]));

describe("ensureComment", () => {
  it("creates, then writes nothing for the same body, then updates in place", async () => {
    assert.equal(await writes.ensureComment(repo, prNumber, M_ESC, "Overdue by 3 days."), "created");
    assert.deepEqual(bodies(), ["<!-- md:escalation -->\nOverdue by 3 days."]);
    assert.equal((fake.comments(REPO, prNumber)[0]?.["user"] as { login: string }).login, fake.botLogin);
    fake.resetLog();
    assert.equal(await writes.ensureComment(repo, prNumber, M_ESC, "Overdue by 3 days."), "unchanged");
    assert.equal(fake.writeCount(), 0);
    assert.equal(await writes.ensureComment(repo, prNumber, M_ESC, "Overdue by 4 days."), "updated");
    assert.equal(fake.writeCount(), 1);
    assert.deepEqual(bodies(), ["<!-- md:escalation -->\nOverdue by 4 days."]);
  });

  it("ignores other users' comments that copy the marker", async () => {
    fake.addComment(REPO, prNumber, { body: "<!-- md:escalation -->\nquoted by a human", user: "octocat" });
    fake.addComment(REPO, prNumber, { body: "<!-- md:escalation -->\nanother bot", user: "renovate[bot]" });
    assert.deepEqual(await writes.findMarkedComments(repo, prNumber, "<!-- md:"), []);
    assert.equal(await writes.ensureComment(repo, prNumber, M_ESC, "ours"), "created");
    const found = await writes.findMarkedComments(repo, prNumber, "<!-- md:");
    assert.deepEqual(found.map((c) => c.body), ["<!-- md:escalation -->\nours"]);
    assert.equal(bodies().length, 3);
  });

  it("tells an exact marker from one it is a prefix of, and keeps a body that already carries its marker", async () => {
    assert.equal(await writes.ensureComment(repo, prNumber, "<!-- md:pr-10 -->", "ten"), "created");
    assert.equal(await writes.ensureComment(repo, prNumber, "<!-- md:pr-1 -->", "Hi\n\n<!-- md:pr-1 -->\n"), "created");
    assert.equal(await writes.ensureComment(repo, prNumber, "<!-- md:pr-1 -->", "Hi\n\n<!-- md:pr-1 -->\n"), "unchanged");
    assert.deepEqual(bodies(), ["<!-- md:pr-10 -->\nten", "Hi\n\n<!-- md:pr-1 -->\n"]);
    assert.equal((await writes.findMarkedComments(repo, prNumber, "<!-- md:pr-")).length, 2);
  });

  it("finds its comment past the first page of comments", async () => {
    for (let i = 0; i < 130; i++) fake.addComment(REPO, prNumber, { body: `comment ${i}`, user: "octocat" });
    assert.equal(await writes.ensureComment(repo, prNumber, M_DIGEST, "weekly"), "created");
    for (let i = 0; i < 20; i++) fake.addComment(REPO, prNumber, { body: `late ${i}`, user: "octocat" });
    fake.resetLog();
    assert.equal(await writes.ensureComment(repo, prNumber, M_DIGEST, "weekly"), "unchanged");
    assert.equal(fake.writeCount(), 0);
    assert.equal(fake.requestsMatching("GET", /\/issues\/\d+\/comments$/).length, 2);
    assert.equal(bodies().length, 151);
  });

  it("refuses bad markers and oversized bodies before any request", async () => {
    await assert.rejects(writes.ensureComment(repo, prNumber, "md:escalation", "b"), /HTML comment/);
    await assert.rejects(writes.ensureComment(repo, prNumber, "<!-- -->", "b"), /empty/);
    await assert.rejects(writes.ensureComment(repo, prNumber, "<!-- a --> b -->", "b"), /close or open/);
    await assert.rejects(writes.findMarkedComments(repo, prNumber, "md:"), /marker prefix/);
    await assert.rejects(writes.findMarkedComments(repo, prNumber, "<!-- "), /marker prefix/);
    await assert.rejects(writes.ensureComment(repo, prNumber, M_ESC, "x".repeat(65_536)), /65536/);
    assert.equal(fake.requests.length, 0);
  });
});

describe("labels", () => {
  it("adds only missing labels, case-insensitively, and writes nothing when all are there", async () => {
    assert.deepEqual(await writes.ensureLabels(repo, prNumber, ["Dependencies", "overdue", "OVERDUE"]), ["overdue"]);
    assert.deepEqual(fake.labels(REPO, prNumber), ["dependencies", "overdue"]);
    assert.equal(fake.writeCount(), 1);
    fake.resetLog();
    assert.deepEqual(await writes.ensureLabels(repo, prNumber, ["overdue", "dependencies"]), []);
    assert.equal(fake.writeCount(), 0);
    assert.deepEqual(await writes.ensureLabels(repo, prNumber, []), []);
    assert.equal(fake.requests.length, 1);
  });

  it("removes a label, and answers false for one that is not there", async () => {
    assert.equal(await writes.removeLabel(repo, prNumber, "dependencies"), true);
    assert.deepEqual(fake.labels(REPO, prNumber), []);
    assert.equal(await writes.removeLabel(repo, prNumber, "dependencies"), false);
    fake.failNext({ method: "DELETE", path: /labels/, status: 500 });
    await assert.rejects(writes.removeLabel(repo, prNumber, "x"), (e: { status?: number }) => e.status === 500);
  });
});

describe("ensureCheckRun", () => {
  const pending: CheckRunSpec = { name: "merge-discipline", status: "in_progress", title: "Due in 5 days", summary: "Minor update." };
  const overdue: CheckRunSpec = {
    name: "merge-discipline", status: "completed", conclusion: "action_required", title: "Overdue", summary: "Merge it.",
    actions: [{ label: "Snooze 7 days", description: "Hide this PR from escalation", identifier: "snooze-7d" }],
  };
  const ours = (): Array<Record<string, unknown>> =>
    fake.checkRuns(REPO, headSha).filter((r) => (r["app"] as { slug: string }).slug === "merge-discipline");

  it("creates, writes nothing when nothing changed, updates when something did", async () => {
    assert.equal(await writes.ensureCheckRun(repo, headSha, pending), "created");
    fake.resetLog();
    assert.equal(await writes.ensureCheckRun(repo, headSha, pending), "unchanged");
    assert.equal(fake.writeCount(), 0);
    assert.equal(await writes.ensureCheckRun(repo, headSha, { ...pending, text: "details" }), "updated");
    assert.equal(await writes.ensureCheckRun(repo, headSha, overdue), "updated");
    assert.equal(await writes.ensureCheckRun(repo, headSha, overdue), "unchanged");
    assert.equal(fake.writeCount(), 2);
    assert.equal(ours().length, 1);
    assert.equal(ours()[0]?.["conclusion"], "action_required");
    assert.ok(!(ours()[0]?.["output"] as { text: string | null }).text, "the dropped text is cleared");
    const lastUpdate = fake.requestsMatching("PATCH", /\/check-runs\/\d+$/).at(-1)?.body as { output: { text?: string } };
    assert.equal(lastUpdate.output.text, "", "cleared explicitly, not by leaving it out");
  });

  it("notices a change of actions alone, which GitHub never reads back", async () => {
    assert.equal(await writes.ensureCheckRun(repo, headSha, overdue), "created");
    const relabelled = { ...overdue, actions: [{ ...overdue.actions![0]!, label: "Snooze a week" }] };
    assert.equal(await writes.ensureCheckRun(repo, headSha, relabelled), "updated");
    assert.equal(await writes.ensureCheckRun(repo, headSha, relabelled), "unchanged");
    assert.equal(await writes.ensureCheckRun(repo, headSha, { ...overdue, actions: [] }), "updated");
    assert.equal(await writes.ensureCheckRun(repo, headSha, { ...overdue, actions: undefined }), "unchanged");
    assert.equal((ours()[0]?.["output"] as { summary: string }).summary, "Merge it.");
  });

  it("leaves another app's run of the same name alone", async () => {
    fake.addCheckRun(REPO, { name: "merge-discipline", head_sha: headSha, status: "completed", conclusion: "success" }, { id: 99, slug: "ci", name: "CI" });
    assert.equal(await writes.ensureCheckRun(repo, headSha, pending), "created");
    assert.equal(fake.checkRuns(REPO, headSha).length, 2);
  });

  it("refuses specs GitHub would reject, before any request", async () => {
    const action = { label: "Snooze", description: "Hide it", identifier: "snooze" };
    const bad: Array<[CheckRunSpec, RegExp]> = [
      [{ ...overdue, actions: [action, action, action, action] }, /4 actions/],
      [{ ...overdue, actions: [{ ...action, label: "x".repeat(21) }] }, /label .* 21 characters/],
      [{ ...overdue, actions: [{ ...action, description: "x".repeat(41) }] }, /description .* 41 characters/],
      [{ ...overdue, actions: [{ ...action, identifier: "x".repeat(21) }] }, /identifier .* 21 characters/],
      [{ ...overdue, actions: [{ ...action, identifier: "" }] }, /identifier must not be empty/],
      [{ ...overdue, conclusion: undefined }, /needs a conclusion/],
      [{ ...pending, conclusion: "success" }, /needs status "completed"/],
      [{ ...pending, summary: "x".repeat(65_536) }, /summary is 65536/],
      [{ ...pending, text: "x".repeat(65_536) }, /text is 65536/],
    ];
    for (const [spec, message] of bad) await assert.rejects(writes.ensureCheckRun(repo, headSha, spec), message);
    assert.equal(fake.requests.length, 0);
  });
});

it("insists on the app's <slug>[bot] login, without which every marked comment would look foreign", () => {
  const octokit = new TestOctokit({ auth: { token: "t" }, baseUrl: fake.baseUrl });
  assert.throws(() => new OctokitGitHubWrites({ octokit, botLogin: "merge-discipline" }), /\[bot\]/);
});
