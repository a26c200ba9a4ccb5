import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCommand, type ParseIo } from "../../src/cli/parse-command.js";

interface Captured extends ParseIo {
  stdout: string[];
  stderr: string[];
  reads: string[];
}

function io(files: Record<string, string>, stdin = ""): Captured {
  const captured: Captured = {
    stdout: [],
    stderr: [],
    reads: [],
    readStdin: async () => {
      captured.reads.push("stdin");
      return stdin;
    },
    readFile: async (path) => {
      captured.reads.push(path);
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
    out: (line) => captured.stdout.push(line),
    err: (line) => captured.stderr.push(line),
  };
  return captured;
}

function pr(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    title: "chore(deps): bump actions/setup-java from 5.2.0 to 5.3.0",
    body: null,
    head: { ref: "dependabot/github_actions/actions/setup-java-5.3.0" },
    user: { login: "dependabot[bot]", id: 49699333, type: "Bot" },
    labels: [{ name: "dependencies" }, { name: "github_actions" }],
    ...overrides,
  });
}

const EXPECTED_LINE =
  '{"bot":"dependabot","ecosystem":"github-actions","directory":"/","packages":[{"name":"actions/setup-java","from":"5.2.0","to":"5.3.0"}],"updateType":"minor","security":false,"advisories":[],"severity":null,"grouped":false}';

describe("merge-discipline parse", () => {
  it("prints the recognised update from a file, fields in the contract's order", async () => {
    const captured = io({ "pr.json": pr() });
    assert.equal(await parseCommand(["pr.json"], captured), 0);
    assert.deepEqual(captured.stdout, [EXPECTED_LINE]);
    assert.deepEqual(captured.stderr, []);
    assert.deepEqual(captured.reads, ["pr.json"]);
  });

  it("reads stdin without an argument or with -", async () => {
    for (const args of [[], ["-"]]) {
      const captured = io({}, pr());
      assert.equal(await parseCommand(args, captured), 0);
      assert.deepEqual(captured.stdout, [EXPECTED_LINE]);
      assert.deepEqual(captured.reads, ["stdin"]);
    }
  });

  it("accepts a saved pull_request webhook delivery", async () => {
    const captured = io({ "event.json": `{"action":"opened","number":1,"pull_request":${pr()}}` });
    assert.equal(await parseCommand(["event.json"], captured), 0);
    assert.deepEqual(captured.stdout, [EXPECTED_LINE]);
  });

  it("prints null for a human's pull request, with nothing on stderr", async () => {
    const captured = io({ "pr.json": pr({ title: "Add dark mode", head: { ref: "feature/dark" }, user: { login: "alice", id: 5, type: "User" } }) });
    assert.equal(await parseCommand(["pr.json"], captured), 0);
    assert.deepEqual(captured.stdout, ["null"]);
    assert.deepEqual(captured.stderr, []);
  });

  it("prints null for an impostor and says so on stderr, once", async () => {
    const captured = io({ "pr.json": pr({ user: { login: "mallory", id: 666, type: "User" } }) });
    assert.equal(await parseCommand(["pr.json"], captured), 0);
    assert.deepEqual(captured.stdout, ["null"]);
    assert.equal(captured.stderr.length, 1);
    assert.match(captured.stderr[0] ?? "", /^suspected impostor: author "mallory" \(User\) opened branch "dependabot\/github_actions\/actions\/setup-java-5\.3\.0", which is dependabot's$/);
  });

  it("uses the identities it is given", async () => {
    const json = pr({ title: "Update dependency react to v18", head: { ref: "renovate/major-react-monorepo" }, user: { login: "acme-renovate", id: 77, type: "User" } });
    const withDefaults = io({ "pr.json": json });
    assert.equal(await parseCommand(["pr.json"], withDefaults), 0);
    assert.deepEqual(withDefaults.stdout, ["null"]);
    const configured = io({ "pr.json": json });
    assert.equal(await parseCommand(["pr.json"], configured, { dependabot: [], renovate: [{ login: "acme-renovate" }] }), 0);
    assert.deepEqual(JSON.parse(configured.stdout[0] ?? "null"), {
      bot: "renovate",
      ecosystem: null,
      directory: null,
      packages: [{ name: "react", from: null, to: "18" }],
      updateType: "major",
      security: false,
      advisories: [],
      severity: null,
      grouped: false,
    });
  });

  it("prints a replacement's leaving package with what replaces it, and a range update's bare versions", async () => {
    const json = pr({
      title: "Replace dependency request with got v11.8.2",
      head: { ref: "renovate/request-replacement" },
      user: { login: "renovate[bot]", id: 29139614, type: "Bot" },
      labels: [],
    });
    const captured = io({ "pr.json": json });
    assert.equal(await parseCommand(["pr.json"], captured), 0);
    assert.deepEqual((JSON.parse(captured.stdout[0] ?? "null") as { packages: unknown }).packages, [
      { name: "request", from: null, to: null, replacedBy: "got" },
      { name: "got", from: null, to: "11.8.2" },
    ]);
    const range = io({ "pr.json": pr({ title: "Update react requirement from ^17.0.2 to ^18.2.0", head: { ref: "dependabot/npm_and_yarn/react-tw-18.2.0" } }) });
    assert.equal(await parseCommand(["pr.json"], range), 0);
    assert.deepEqual((JSON.parse(range.stdout[0] ?? "null") as { packages: unknown }).packages, [{ name: "react", from: "17.0.2", to: "18.2.0", range: true }]);
  });

  it("exits 2 with one message for invalid JSON", async () => {
    const captured = io({ "pr.json": "{ not json" });
    assert.equal(await parseCommand(["pr.json"], captured), 2);
    assert.deepEqual(captured.stdout, []);
    assert.equal(captured.stderr.length, 1);
    assert.match(captured.stderr[0] ?? "", /^parse: pr\.json is not valid JSON: /);
  });

  it("exits 2 with one message for an unreadable file", async () => {
    const captured = io({});
    assert.equal(await parseCommand(["missing.json"], captured), 2);
    assert.deepEqual(captured.stdout, []);
    assert.deepEqual(captured.stderr, ["parse: cannot read missing.json: ENOENT: no such file or directory, open 'missing.json'"]);
  });

  it("exits 2 naming the malformed field", async () => {
    const captured = io({}, pr({ head: { ref: 12 } }));
    assert.equal(await parseCommand([], captured), 2);
    assert.deepEqual(captured.stdout, []);
    assert.deepEqual(captured.stderr, ['parse: stdin: pull request JSON: "head.ref" must be a string']);
  });

  it("exits 2 with usage for extra arguments or options", async () => {
    for (const args of [["a.json", "b.json"], ["--json"]]) {
      const captured = io({});
      assert.equal(await parseCommand(args, captured), 2);
      assert.deepEqual(captured.stdout, []);
      assert.equal(captured.stderr.length, 1);
      assert.match(captured.stderr[0] ?? "", /^usage: merge-discipline parse \[file\]/);
      assert.deepEqual(captured.reads, []);
    }
  });
});

const GROUP_PR = {
  title: "Bump the all-gems group with 2 updates",
  body: null,
  head: { ref: "dependabot/bundler/all-gems-6f3b9ae1c2" },
  user: { login: "dependabot[bot]", id: 49699333, type: "Bot" },
  labels: [],
};

const GROUP_COMMIT_MESSAGE = [
  "Bump the all-gems group with 2 updates",
  "",
  "---",
  "updated-dependencies:",
  "- dependency-name: coffee-rails",
  "  dependency-version: 4.2.2",
  "  dependency-type: direct:production",
  "  update-type: version-update:semver-minor",
  "  dependency-group: all-gems",
  "- dependency-name: rails",
  "  dependency-version: 7.0.0",
  "  dependency-type: direct:production",
  "  update-type: version-update:semver-major",
  "  dependency-group: all-gems",
  "...",
  "",
  "Signed-off-by: dependabot[bot] <support@github.com>",
].join("\n");

/** One entry of `gh api repos/O/R/pulls/N/commits`, trimmed to the fields GitHub always sends that the app reads. */
function restCommit(message: string, login = "dependabot[bot]", verified = true): unknown {
  return {
    sha: "5e1c3f0",
    commit: { message, verification: { verified, reason: verified ? "valid" : "unsigned" } },
    author: { login, id: login === "dependabot[bot]" ? 49699333 : 5, type: login.endsWith("[bot]") ? "Bot" : "User" },
    committer: { login: "web-flow", id: 19864447, type: "User" },
  };
}

describe("merge-discipline parse with commits", () => {
  const withoutCommits = {
    packages: [],
    updateType: "other",
    grouped: true,
  };
  const withCommits = {
    packages: [
      { name: "coffee-rails", from: null, to: "4.2.2" },
      { name: "rails", from: null, to: "7.0.0" },
    ],
    updateType: "major",
    grouped: true,
  };
  const pick = (line: string | undefined): unknown => {
    const parsed = JSON.parse(line ?? "null") as Record<string, unknown>;
    return { packages: parsed.packages, updateType: parsed.updateType, grouped: parsed.grouped };
  };

  it("without commits, a group title alone leaves packages and update type open", async () => {
    const captured = io({ "pr.json": JSON.stringify(GROUP_PR) });
    assert.equal(await parseCommand(["pr.json"], captured), 0);
    assert.deepEqual(pick(captured.stdout[0]), withoutCommits);
  });

  it("reads Dependabot's commit metadata from --commits FILE", async () => {
    const captured = io({ "pr.json": JSON.stringify(GROUP_PR), "commits.json": JSON.stringify([restCommit(GROUP_COMMIT_MESSAGE)]) });
    assert.equal(await parseCommand(["pr.json", "--commits", "commits.json"], captured), 0);
    assert.deepEqual(pick(captured.stdout[0]), withCommits);
    assert.deepEqual(captured.reads, ["pr.json", "commits.json"]);
  });

  it("reads { pull_request, commits } from stdin", async () => {
    const captured = io({}, JSON.stringify({ pull_request: GROUP_PR, commits: [restCommit(GROUP_COMMIT_MESSAGE)] }));
    assert.equal(await parseCommand([], captured), 0);
    assert.deepEqual(pick(captured.stdout[0]), withCommits);
  });

  it("ignores metadata in a commit someone else wrote, as the app does", async () => {
    const captured = io({}, JSON.stringify({ pull_request: GROUP_PR, commits: [restCommit(GROUP_COMMIT_MESSAGE, "mallory")] }));
    assert.equal(await parseCommand([], captured), 0);
    assert.deepEqual(pick(captured.stdout[0]), withoutCommits);
    const unsigned = io({}, JSON.stringify({ pull_request: GROUP_PR, commits: [restCommit(GROUP_COMMIT_MESSAGE, "dependabot[bot]", false)] }));
    assert.equal(await parseCommand([], unsigned), 0);
    assert.deepEqual(pick(unsigned.stdout[0]), withoutCommits);
  });

  it("exits 2 naming the commits file and the malformed field", async () => {
    const captured = io({ "pr.json": JSON.stringify(GROUP_PR), "commits.json": JSON.stringify([{ sha: "x" }]) });
    assert.equal(await parseCommand(["pr.json", "--commits", "commits.json"], captured), 2);
    assert.deepEqual(captured.stdout, []);
    assert.deepEqual(captured.stderr, ['parse: commits.json: commits JSON: "commits[0].commit" must be an object']);
  });

  it("exits 2 with usage when --commits has no file", async () => {
    const captured = io({});
    assert.equal(await parseCommand(["pr.json", "--commits"], captured), 2);
    assert.match(captured.stderr[0] ?? "", /^usage: merge-discipline parse \[file\] \[--commits FILE\]/);
    assert.deepEqual(captured.reads, []);
  });
});
