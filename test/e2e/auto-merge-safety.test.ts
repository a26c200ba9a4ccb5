// Issue 9, end to end: auto-merge only on the whole CI truth (check runs, commit statuses, the base
// branch's required checks) and only for commits the bot both authored and committed.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { eventually, startHarness, type Harness } from "../helpers/app-harness.js";
import { DEPENDABOT, openPullRequest } from "../helpers/pull-requests.js";
import type { CommitInit, PullRecord } from "../fake-github/index.js";

const CONFIG = "auto_merge:\n  classes: [patch]\n  method: squash\n";
const WEB_FLOW = { login: "web-flow", id: 19864447, type: "User" as const };

describe("auto-merge safety (end to end)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    for (const name of ["statuses", "protected", "rulesets", "committers"]) {
      h.fake.addRepo({ owner: "acme", name, allow_auto_merge: true });
      h.fake.setFile(`acme/${name}`, ".github/merge-discipline.yml", CONFIG);
    }
  });
  after(async () => h?.stop());

  let version = 0;
  /** A genuine Dependabot patch PR: authored by the bot, committed and signed by GitHub's web-flow. */
  function dependabotPr(repo: string, pkg: string, commits?: CommitInit[]): PullRecord {
    version += 1;
    return openPullRequest(h.fake, repo, {
      at: new Date().toISOString(),
      user: DEPENDABOT,
      title: `Bump ${pkg} from 1.0.0 to 1.0.${version}`,
      head: { ref: `dependabot/npm_and_yarn/${pkg}-1.0.${version}` },
      mergeable_state: "blocked",
      commits: commits ?? [{ message: `Bump ${pkg} from 1.0.0 to 1.0.${version}`, author: DEPENDABOT, committer: WEB_FLOW, verified: true }],
    });
  }
  const summary = (repo: string, n: number): string => {
    const sha = (h.fake.pull(repo, n) as { head: { sha: string } }).head.sha;
    const run = h.fake.checkRuns(repo, sha).find((c) => c.name === "merge-discipline") as { output: { summary: string } } | undefined;
    return run?.output.summary ?? "";
  };
  const autoMergeOn = (repo: string, n: number): boolean => (h.fake.pull(repo, n) as { auto_merge: unknown }).auto_merge !== null;

  it("a red commit status stops the merge a green check run would allow; its success lets it go", async () => {
    const repo = "acme/statuses";
    const pr = dependabotPr(repo, "lodash");
    await h.pullRequestEvent("opened", repo, pr.number);
    await h.statusEvent(repo, pr.number, "ci/jenkins", "failure");
    await h.ciEvent(repo, pr.number, "success");
    await eventually(() => /\*\*CI:\*\* \*\*failing\*\*/.test(summary(repo, pr.number)), 15_000);
    assert.equal(autoMergeOn(repo, pr.number), false, "a red status never merges");
    assert.doesNotMatch(summary(repo, pr.number), /Ready to merge/);

    await h.statusEvent(repo, pr.number, "ci/jenkins", "success");
    await eventually(() => autoMergeOn(repo, pr.number), 15_000);
    await eventually(() => /\*\*CI:\*\* passing/.test(summary(repo, pr.number)), 10_000);
  });

  it("a check required by branch protection that has not reported keeps CI pending", async () => {
    const repo = "acme/protected";
    h.fake.setBranchProtection(repo, "main", { requiredChecks: { contexts: ["ci/jenkins"] } });
    const pr = dependabotPr(repo, "semver");
    await h.pullRequestEvent("opened", repo, pr.number);
    await h.ciEvent(repo, pr.number, "success");
    await eventually(() => /\*\*CI:\*\* running/.test(summary(repo, pr.number)), 15_000);
    assert.equal(autoMergeOn(repo, pr.number), false);

    await h.statusEvent(repo, pr.number, "ci/jenkins", "success");
    await eventually(() => autoMergeOn(repo, pr.number), 15_000);
  });

  it("a check required by a ruleset counts the same way", async () => {
    const repo = "acme/rulesets";
    h.fake.addRuleset(repo, {
      name: "main", rules: [{ type: "required_status_checks", parameters: { required_status_checks: [{ context: "e2e" }], strict_required_status_checks_policy: false } }],
    });
    const pr = dependabotPr(repo, "yaml");
    await h.pullRequestEvent("opened", repo, pr.number);
    await h.ciEvent(repo, pr.number, "success");
    await eventually(() => /\*\*CI:\*\* running/.test(summary(repo, pr.number)), 15_000);
    assert.equal(autoMergeOn(repo, pr.number), false);

    await h.statusEvent(repo, pr.number, "e2e", "success");
    await eventually(() => autoMergeOn(repo, pr.number), 15_000);
  });

  it("refuses a commit authored by the bot but committed (and signed) by a human", async () => {
    const repo = "acme/committers";
    const mallory = { login: "mallory", id: 66, type: "User" as const };
    const pr = dependabotPr(repo, "axios", [
      { message: "Bump axios from 1.0.0 to 1.0.9", author: DEPENDABOT, committer: mallory, verified: true },
    ]);
    await h.pullRequestEvent("opened", repo, pr.number);
    await h.ciEvent(repo, pr.number, "success");
    await eventually(() => /committed by mallory/.test(summary(repo, pr.number)), 15_000);
    assert.match(summary(repo, pr.number), /not merging: a commit by dependabot\\?\[bot\\?\] was committed by mallory/);
    assert.equal(autoMergeOn(repo, pr.number), false);
    assert.equal((h.fake.pull(repo, pr.number) as { merged: boolean }).merged, false);
  });

  it("reads every page of a PR's commits: a human committer on page two is found", async () => {
    const repo = "acme/committers";
    const genuine = { author: DEPENDABOT, committer: WEB_FLOW, verified: true };
    const commits: CommitInit[] = Array.from({ length: 120 }, (_, i) => ({ ...genuine, message: `Bump step ${i}` }));
    commits.push({ message: "one more", author: DEPENDABOT, committer: { login: "carol", id: 77, type: "User" }, verified: true });
    const pr = dependabotPr(repo, "chalk", commits);
    await h.pullRequestEvent("opened", repo, pr.number);
    await h.ciEvent(repo, pr.number, "success");
    await eventually(() => /committed by carol/.test(summary(repo, pr.number)), 15_000);
    assert.equal(autoMergeOn(repo, pr.number), false);
  });
});
