// Issue #8, point 1: installing the app on an organisation that already has bot PRs and alerts. The app
// reads what GitHub knows (open PRs, merges inside the stats window, alerts), evaluates the open PRs
// without burying the org in comments, and publishes the organisation digest once.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { runCli } from "../../src/cli.js";
import type { RepoStats } from "../../src/domain/time-to-merge.js";
import { eventually, startHarness, type Harness } from "../helpers/app-harness.js";
import { captureIo } from "../helpers/capture-io.js";
import { DEPENDABOT, mergePullRequest, openPullRequest, RENOVATE } from "../helpers/pull-requests.js";

const DAY = 86_400_000;
const API = "acme/api";
const WEB = "acme/web";
const ORG_REPO = "acme/.github";
const ago = (days: number): string => new Date(Date.now() - days * DAY).toISOString().replace(/\.\d{3}Z$/, "Z");

describe("backfill on install (end to end)", () => {
  let h: Harness;
  const prs: Record<string, number> = {};
  let headOf: (repo: string, n: number) => string;

  before(async () => {
    h = await startHarness();
    h.fake.addRepo({ owner: "acme", name: "api" });
    h.fake.addRepo({ owner: "acme", name: "web" });
    h.fake.addRepo({ owner: "acme", name: ".github" });
    h.fake.addDependabotAlert(API, { package: "lodash", severity: "critical", first_patched_version: "4.17.21", vulnerable_version_range: "< 4.17.21" });
    // A critical fix waiting 10 days (SLA 2 days): its top stage is due, and it speaks.
    prs.security = openPullRequest(h.fake, API, {
      at: ago(10), user: DEPENDABOT, title: "Bump lodash from 4.17.20 to 4.17.21", head: { ref: "dependabot/npm_and_yarn/lodash-4.17.21" },
    }).number;
    // A minor update waiting 30 days (SLA 14 days): overdue, but history when the app arrives — labels, no comment.
    prs.minor = openPullRequest(h.fake, API, {
      at: ago(30), user: RENOVATE, title: "Update dependency express to v4.19.0", head: { ref: "renovate/express-4.x" },
    }).number;
    const merged = openPullRequest(h.fake, API, { at: ago(20), user: DEPENDABOT, title: "Bump ms from 2.1.2 to 2.1.3", head: { ref: "dependabot/npm_and_yarn/ms-2.1.3" } });
    mergePullRequest(merged, ago(17));
    const ancient = openPullRequest(h.fake, API, { at: ago(130), user: DEPENDABOT, title: "Bump qs from 6.5.2 to 6.5.3", head: { ref: "dependabot/npm_and_yarn/qs-6.5.3" } });
    mergePullRequest(ancient, ago(120));
    // Looks like Dependabot's, pushed by someone else: refused as on the webhook path.
    prs.impostor = openPullRequest(h.fake, API, {
      at: ago(5), user: "mallory", title: "Bump axios from 1.6.0 to 1.6.8", head: { ref: "dependabot/npm_and_yarn/axios-1.6.8" },
    }).number;
    // 130 merged updates in web: two pages of `state=all`.
    for (let i = 0; i < 130; i += 1) {
      const pr = openPullRequest(h.fake, WEB, { at: ago(80 - i * 0.5), user: RENOVATE, title: `Update dependency pkg-${i} to v1.0.${i}`, head: { ref: `renovate/pkg-${i}-1.x` } });
      mergePullRequest(pr, ago(80 - i * 0.5 - 1));
    }
    h.fake.setNow(new Date());
    headOf = (repo, n) => String((h.fake.pull(repo, n).head as { sha: string }).sha);
    const delivered = await h.installationEvent("created");
    assert.equal(delivered.status, 200);
  });
  after(async () => h?.stop());

  const orgDigests = () => h.fake.issues(ORG_REPO).filter((i) => String(i.body).includes("merge-discipline:digest"));

  it("publishes the organisation digest once when the backfill is done", async () => {
    const [digest] = await eventually(() => orgDigests().length > 0 && orgDigests(), 60_000);
    assert.match(String(digest?.body), /acme\/api/);
    assert.equal(h.fake.issues(API).filter((i) => String(i.body).includes("merge-discipline:digest")).length, 0, "no repo digest floods the org on day one");
  });

  it("records open and recently merged bot PRs with GitHub's timestamps: stats are right on day one", async () => {
    const { io, stdout } = captureIo(h.env, Date.now());
    assert.equal(await runCli(["stats", "--repo", API, "--json"], io), 0);
    const api = JSON.parse(stdout()) as RepoStats;
    assert.equal(api.merged.count, 1, "the merge 120 days ago is outside the window");
    assert.equal(Math.round((api.merged.medianMs ?? 0) / DAY), 3);
    assert.equal(api.open.count, 2, "the impostor is not counted");
    const web = captureIo(h.env, Date.now());
    assert.equal(await runCli(["stats", "--repo", WEB, "--json"], web.io), 0);
    assert.equal((JSON.parse(web.stdout()) as RepoStats).merged.count, 130);
  });

  it("lists pull requests at 100 a page, newest update first, and stops at the window", async () => {
    const lists = h.fake.requestsMatching("GET", /^\/repos\/acme\/web\/pulls$/);
    assert.deepEqual(lists.map((r) => [r.query.state, r.query.page ?? "1"]), [["all", "1"], ["all", "2"], ["open", "1"]]);
    assert.ok(lists.every((r) => r.query.per_page === "100"));
    const apiAll = h.fake.requestsMatching("GET", /^\/repos\/acme\/api\/pulls$/).filter((r) => r.query.state === "all");
    assert.equal(apiAll.length, 1);
  });

  it("gives every open bot PR its check at once, comments only on the security fix, labels the rest", async () => {
    const checks = (n: number) => h.fake.checkRuns(API, headOf(API, n)).filter((c) => c.name === "merge-discipline");
    await eventually(() => checks(prs.security!).length === 1 && checks(prs.minor!).length === 1, 30_000);
    const nudges = (n: number) => h.fake.comments(API, n).filter((c) => String(c.body).includes("merge-discipline:nudge"));
    await eventually(() => nudges(prs.security!).length === 1, 30_000);
    assert.match(String(nudges(prs.security!)[0]?.body), /critical/);
    await eventually(() => h.fake.labels(API, prs.minor!).includes("escalated"), 30_000);
    assert.equal(nudges(prs.minor!).length, 0);
    assert.equal(h.fake.checkRuns(API, headOf(API, prs.impostor!)).length, 0, "impostors are refused");
  });

  it("shows the finished run in `backfill --status`", async () => {
    const { io, stdout } = captureIo(h.env, Date.now());
    assert.equal(await runCli(["backfill", "--status", "--installation", "1"], io), 0);
    assert.match(stdout(), /finished/);
    assert.match(stdout(), /acme\/web .*done.*130 recorded/);
  });
});
