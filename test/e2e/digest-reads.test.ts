// The weekly digest reads what webhooks and the daily reconciliation keep in Redis: a week after the
// policies and alerts were loaded, it reads no config file and lists no alerts on GitHub.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { digestCommand } from "../../src/cli/digest-command.js";
import { eventually, startHarness, TestOctokit, type Harness } from "../helpers/app-harness.js";
import { captureIo } from "../helpers/capture-io.js";
import { DEPENDABOT, openPullRequest } from "../helpers/pull-requests.js";

const DAY = 86_400_000;
const REPOS = ["acme/web", "acme/api", "acme/docs"];

let h: Harness;
let clock = Date.now();
const T0 = clock;

before(async () => {
  h = await startHarness({ now: () => clock });
  for (const repo of REPOS) {
    h.fake.addRepo({ owner: "acme", name: repo.split("/")[1] ?? "" });
    h.fake.setFile(repo, ".github/merge-discipline.yml", "digest:\n  openWhenClean: true\n");
    h.fake.addDependabotAlert(repo, { package: "minimist", severity: "critical", first_patched_version: "1.2.6" });
  }
});
after(async () => h?.stop());

describe("the weekly digest's GitHub reads (end to end)", () => {
  it("reads no config and lists no alerts that Redis already holds", async () => {
    for (const repo of REPOS) {
      const pr = openPullRequest(h.fake, repo, {
        at: new Date(T0).toISOString(),
        user: DEPENDABOT,
        title: "Bump minimist from 1.2.5 to 1.2.6",
        head: { ref: "dependabot/npm_and_yarn/minimist-1.2.6" },
      });
      await h.pullRequestEvent("opened", repo, pr.number);
      await eventually(() => h.fake.checkRuns(repo, pr.head.sha).some((c) => c.name === "merge-discipline"));
    }
    // Evaluations loaded each repo's policy; the first digest lists each repo's alerts once.
    const first = captureIo(h.env, T0 + DAY);
    assert.equal(await digestCommand(["--installation", "1", "--dry-run"], first.io, { Octokit: TestOctokit, redisConfig: undefined }), 0, first.stderr());

    clock = T0 + 8 * DAY;
    h.fake.setNow(new Date(clock));
    const before = h.fake.requests.length;
    const week = captureIo(h.env, clock);
    assert.equal(await digestCommand(["--installation", "1", "--dry-run"], week.io, { Octokit: TestOctokit, redisConfig: undefined }), 0, week.stderr());
    const reads = h.fake.requests.slice(before).map((r) => `${r.method} ${r.path}`);
    const repoReads = reads.filter((r) => REPOS.some((repo) => r.includes(`/repos/${repo}/`)));
    assert.deepEqual(repoReads, [], "no config or alert reads for the repos");
    for (const repo of REPOS) assert.match(week.stdout(), new RegExp(`${repo}`), "each repo still has its digest");
    assert.match(week.stdout(), /minimist/);
  });
});
