// Issue #2, end to end: real app, real Redis, fake GitHub over HTTP, signed webhooks, then `stats`.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { runCli } from "../../src/cli.js";
import { eventually, startHarness, type Harness } from "../helpers/app-harness.js";
import { closePullRequest, DEPENDABOT, mergePullRequest, openPullRequest, RENOVATE } from "../helpers/pull-requests.js";
import { captureIo } from "../helpers/capture-io.js";
import type { RepoStats } from "../../src/domain/time-to-merge.js";

const REPO = "acme/web";
const DAY = 86_400_000;
const T = "2026-11-02T09:00:00Z";
const at = (days: number): string => new Date(Date.parse(T) + days * DAY).toISOString();

const RENOVATE_SECURITY_BODY = `This PR contains the following updates:

| Package | Change | Age | Confidence |
|---|---|---|---|
| [axios](https://axios-http.com) ([source](https://github.com/axios/axios)) | [\`1.6.0\` -> \`1.6.8\`](https://renovatebot.com/diffs/npm/axios/1.6.0/1.6.8) | ![age](x) | ![confidence](x) |

### GitHub Vulnerability Alerts

#### [CVE-2024-39338](https://nvd.nist.gov/vuln/detail/CVE-2024-39338)

axios 1.7.2 allows SSRF via unexpected behavior.

#### Severity
- CVSS Score: 7.5 / 10 (High)

#### References
- [https://github.com/advisories/GHSA-8hc4-vh64-cxmj](https://github.com/advisories/GHSA-8hc4-vh64-cxmj)
`;

const GROUP_COMMIT = `Bump the npm_and_yarn group across 2 directories with 2 updates

Bumps the npm_and_yarn group with 1 update in the / directory: [express](https://github.com/expressjs/express).

---
updated-dependencies:
- dependency-name: express
  dependency-version: 4.19.2
  dependency-type: direct:production
  update-type: version-update:semver-patch
  dependency-group: npm_and_yarn
- dependency-name: ws
  dependency-version: 8.17.1
  dependency-type: indirect
  update-type: version-update:semver-minor
  dependency-group: npm_and_yarn
...

Signed-off-by: dependabot[bot] <support@github.com>`;

describe("recognise and track Dependabot/Renovate PRs (end to end)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    h.fake.addRepo({ owner: "acme", name: "web" });
    // This scenario is about recording; nudges have their own tests.
    h.fake.setFile(REPO, ".github/merge-discipline.yml", "enabled: false\n");
  });
  after(async () => h?.stop());

  it("records the scenario and reports exactly its time-to-merge numbers", async () => {
    const { fake } = h;
    // 1. A Dependabot patch update, merged two days after it opened.
    const lodash = openPullRequest(fake, REPO, {
      at: T,
      user: DEPENDABOT,
      title: "Bump lodash from 4.17.20 to 4.17.21",
      head: { ref: "dependabot/npm_and_yarn/lodash-4.17.21" },
      labels: ["dependencies"],
    });
    assert.equal((await h.pullRequestEvent("opened", REPO, lodash.number)).status, 200);

    // 2. A Renovate security update, closed as superseded a day later; its successor merged on day 4.
    const axiosFirst = openPullRequest(fake, REPO, {
      at: T,
      user: RENOVATE,
      title: "Update dependency axios to v1.6.8 [SECURITY]",
      body: RENOVATE_SECURITY_BODY,
      head: { ref: "renovate/npm-axios-vulnerability" },
    });
    await h.pullRequestEvent("opened", REPO, axiosFirst.number);

    // 3. A grouped Dependabot update whose title leaves versions open: the app reads its commit once.
    const group = openPullRequest(fake, REPO, {
      at: T,
      user: DEPENDABOT,
      title: "Bump the npm_and_yarn group across 2 directories with 2 updates",
      head: { ref: "dependabot/npm_and_yarn/npm_and_yarn-1a2b3c4d5e" },
      commits: [{ message: GROUP_COMMIT, author: DEPENDABOT, verified: true }],
    });
    await h.pullRequestEvent("opened", REPO, group.number);

    // 4. A human's PR dressed as Dependabot's: never counted.
    const impostor = openPullRequest(fake, REPO, {
      at: T,
      user: { login: "mallory", id: 666, type: "User" },
      title: "Bump lodash from 4.17.20 to 4.17.21",
      head: { ref: "dependabot/npm_and_yarn/lodash-4.17.21-x" },
    });
    await h.pullRequestEvent("opened", REPO, impostor.number);

    closePullRequest(axiosFirst, at(1));
    await h.pullRequestEvent("closed", REPO, axiosFirst.number);
    const axiosSecond = openPullRequest(fake, REPO, {
      at: at(1),
      user: RENOVATE,
      title: "Update dependency axios to v1.7.4 [SECURITY]",
      body: RENOVATE_SECURITY_BODY.replaceAll("1.6.8", "1.7.4"),
      head: { ref: "renovate/npm-axios-vulnerability" },
    });
    await h.pullRequestEvent("opened", REPO, axiosSecond.number);

    mergePullRequest(group, at(1));
    await h.pullRequestEvent("closed", REPO, group.number);
    mergePullRequest(lodash, at(2));
    await h.pullRequestEvent("closed", REPO, lodash.number);
    mergePullRequest(impostor, at(2));
    await h.pullRequestEvent("closed", REPO, impostor.number);
    mergePullRequest(axiosSecond, at(4));
    await h.pullRequestEvent("closed", REPO, axiosSecond.number);

    const stats = await eventually(async () => {
      const s = await statsJson(at(5));
      // The grouped PR's type is known once its commit was read (a job of its own): both minor PRs counted.
      return s.byUpdateType.minor?.count === 2 ? s : undefined;
    }, 30_000); // a background job: on a busy machine it can take a retry
    // Merged: group 1d (minor, from its commit metadata), lodash 2d (patch), axios 4d since its first PR
    // (minor: its successor moved 1.6.0 → 1.7.4).
    assert.equal(stats.merged.count, 3);
    assert.equal(stats.merged.medianMs, 2 * DAY);
    assert.equal(stats.merged.p90Ms, 3.6 * DAY);
    assert.equal(stats.merged.meanMs, (7 * DAY) / 3);
    assert.deepEqual(stats.bySecurity.security, { count: 1, medianMs: 4 * DAY, p90Ms: 4 * DAY, meanMs: 4 * DAY });
    assert.equal(stats.bySecurity.other.count, 2);
    assert.equal(stats.bySeverity.high?.count, 1);
    assert.deepEqual(stats.byUpdateType.patch, { count: 1, medianMs: 2 * DAY, p90Ms: 2 * DAY, meanMs: 2 * DAY });
    assert.equal(stats.byUpdateType.minor?.count, 2);
    assert.equal(stats.byUpdateType.minor?.medianMs, 2.5 * DAY);
    assert.deepEqual(stats.open, { count: 0, oldestAgeMs: null });
    assert.equal(stats.superseded, 1);
    assert.equal(stats.closedWithoutMerge, 0);

    // The commit list was read once, for the grouped PR only.
    const commitReads = fake.requestsMatching("GET", /\/pulls\/\d+\/commits$/);
    assert.deepEqual(commitReads.map((r) => r.path), [`/repos/${REPO}/pulls/${group.number}/commits`]);
    // Recording writes nothing to GitHub.
    assert.equal(fake.writeCount(), 0);

    const text = await runCli(["stats", "--repo", REPO], captureIo(h.env, Date.parse(at(5))).io);
    assert.equal(text, 0);
  });

  it("records a redelivered webhook once and never rolls a PR back", async () => {
    const pr = openPullRequest(h.fake, REPO, {
      at: at(6),
      user: DEPENDABOT,
      title: "Bump react from 18.2.0 to 18.3.1",
      head: { ref: "dependabot/npm_and_yarn/react-18.3.1" },
    });
    const openedPayload = h.pullRequestPayload("opened", REPO, pr.number);
    const opened = await h.deliver("pull_request", openedPayload);
    mergePullRequest(pr, at(7));
    await h.pullRequestEvent("closed", REPO, pr.number);
    // GitHub redelivers the old "opened" delivery (same id), then a late copy of it arrives under a new id.
    assert.equal((await h.deliver("pull_request", openedPayload, { deliveryId: opened.deliveryId })).status, 200);
    assert.equal((await h.deliver("pull_request", openedPayload)).status, 200);
    const stats = await statsJson(at(8));
    assert.equal(stats.byUpdateType.minor?.count, 3);
    assert.equal(stats.merged.count, 4);
    assert.equal(stats.open.count, 0);
  });

  async function statsJson(now: string) {
    const capture = captureIo(h.env, Date.parse(now));
    const code = await runCli(["stats", "--repo", REPO, "--json"], capture.io);
    assert.equal(code, 0, capture.stderr());
    return JSON.parse(capture.stdout()) as RepoStats;
  }
});
