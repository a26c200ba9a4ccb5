import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_POLICY } from "../../src/config/default-policy.js";
import { resolveOwners } from "../../src/use-cases/resolve-owners.js";
import { record } from "../helpers/records.js";
import { stubGitHubReads } from "../helpers/stub-github-reads.js";

const CODEOWNERS = "* @acme/platform\n/web/ @acme/frontend @carol\n";

describe("resolveOwners", () => {
  it("prefers the PR's reviewers and assignees, without reading GitHub", async () => {
    const pr = record({ number: 1, people: { requestedReviewers: ["alice"], requestedTeams: ["acme/security"], assignees: ["bob"] } });
    const choice = await resolveOwners(stubGitHubReads({}), pr, DEFAULT_POLICY);
    assert.equal(choice.source, "reviewers-and-assignees");
    assert.deepEqual([...choice.mentions].sort(), ["@acme/security", "@alice", "@bob"]);
  });

  it("falls back to the CODEOWNERS of the changed manifest", async () => {
    const reads: string[] = [];
    const github = stubGitHubReads({
      listPullRequestFiles: async () => ["web/README.md", "web/package-lock.json", "web/package.json"],
      readFile: async (_repo, path) => {
        reads.push(path);
        return path === "CODEOWNERS" ? { sha: "x", text: CODEOWNERS } : null;
      },
    });
    const choice = await resolveOwners(github, record({ number: 2 }), DEFAULT_POLICY);
    assert.equal(choice.source, "codeowners");
    assert.deepEqual(choice.mentions, ["@acme/frontend", "@carol"]);
    assert.deepEqual(reads, [".github/CODEOWNERS", "CODEOWNERS"]);
  });

  it("uses the configured owners when nothing else names anyone", async () => {
    const policy = { ...DEFAULT_POLICY, owners: { users: ["dana"], teams: [], codeowners: false } };
    const choice = await resolveOwners(stubGitHubReads({}), record({ number: 3 }), policy);
    assert.deepEqual(choice, { source: "configured", mentions: ["@dana"] });
  });
});
