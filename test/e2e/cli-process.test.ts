// `npx merge-discipline …` as a user runs it: the real executable in its own process.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../helpers/redis-server.js";

const BIN = join(import.meta.dirname, "../../src/bin.ts");

function run(args: string[], stdin: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), BIN, ...args], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr })));
}

const dependabotPr = {
  number: 7,
  title: "build(deps): Bump lodash from 4.17.20 to 4.17.21 in /web",
  body: null,
  head: { ref: "dependabot/npm_and_yarn/web/lodash-4.17.21", sha: "abc" },
  user: { login: "dependabot[bot]", id: 49699333, type: "Bot" },
  labels: [{ name: "dependencies" }],
};

describe("merge-discipline CLI", () => {
  it("parse reads a PR from stdin and prints the update as JSON", async () => {
    const result = await run(["parse"], JSON.stringify(dependabotPr));
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), {
      bot: "dependabot",
      ecosystem: "npm",
      directory: "/web",
      packages: [{ name: "lodash", from: "4.17.20", to: "4.17.21" }],
      updateType: "patch",
      security: false,
      advisories: [],
      severity: null,
      grouped: false,
    });
  });

  it("parse reads a file and prints null for a human's PR", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "md-cli-")), "pr.json");
    writeFileSync(file, JSON.stringify({ ...dependabotPr, title: "Fix typo", head: { ref: "fix-typo", sha: "x" }, user: { login: "alice", id: 5, type: "User" } }));
    const result = await run(["parse", file], "");
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.trim(), "null");
  });

  it("parse --commits reads Dependabot's commit metadata from `gh api …/pulls/N/commits` output", async () => {
    const dir = mkdtempSync(join(tmpdir(), "md-cli-"));
    const prFile = join(dir, "pr.json");
    const commitsFile = join(dir, "commits.json");
    writeFileSync(prFile, JSON.stringify({ ...dependabotPr, title: "Bump the web group in /web with 1 update", head: { ref: "dependabot/npm_and_yarn/web/web-1a2b3c4d5e", sha: "abc" } }));
    const message = [
      "Bump the web group in /web with 1 update",
      "",
      "---",
      "updated-dependencies:",
      "- dependency-name: lodash",
      "  dependency-version: 4.17.21",
      "  dependency-type: direct:production",
      "  update-type: version-update:semver-patch",
      "  dependency-group: web",
      "...",
    ].join("\n");
    writeFileSync(commitsFile, JSON.stringify([{ sha: "abc", commit: { message, verification: { verified: true } }, author: { login: "dependabot[bot]", id: 49699333 }, committer: { login: "web-flow", id: 19864447 } }]));
    const bare = await run(["parse", prFile], "");
    assert.equal(bare.code, 0, bare.stderr);
    assert.deepEqual((JSON.parse(bare.stdout) as { packages: unknown[] }).packages, []);
    const result = await run(["parse", prFile, "--commits", commitsFile], "");
    assert.equal(result.code, 0, result.stderr);
    const update = JSON.parse(result.stdout) as Record<string, unknown>;
    assert.deepEqual(
      { directory: update.directory, packages: update.packages, updateType: update.updateType, grouped: update.grouped },
      { directory: "/web", packages: [{ name: "lodash", from: null, to: "4.17.21" }], updateType: "patch", grouped: true },
    );
  });

  it("parse says what is wrong with malformed input and exits 2", async () => {
    const result = await run(["parse"], "{not json");
    assert.equal(result.code, 2);
    assert.match(result.stderr, /not valid JSON/);
  });

  it("stats explains its usage and an unreachable Redis", async () => {
    assert.equal((await run(["stats"], "")).code, 2);
    const port = await freePort();
    const down = await run(["stats", "--repo", "acme/web"], "", { REDIS_URL: `redis://127.0.0.1:${port}` });
    assert.equal(down.code, 1);
    assert.match(down.stderr, /Redis is not reachable/);
  });

  it("an unknown command prints the help and exits 2", async () => {
    const result = await run(["frobnicate"], "");
    assert.equal(result.code, 2);
    assert.match(result.stderr, /unknown command "frobnicate"[\s\S]*parse \[file\]/);
  });
});
