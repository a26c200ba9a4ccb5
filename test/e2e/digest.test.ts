// Issue #5, end to end: a scripted org across simulated weeks (a controllable clock and a schedule
// triggered by hand), two workers, and the issues GitHub ends up with.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { eventually, startHarness, type Harness } from "../helpers/app-harness.js";
import { DEPENDABOT, mergePullRequest, openPullRequest, RENOVATE } from "../helpers/pull-requests.js";
import { TestOctokit } from "../helpers/app-harness.js";
import { captureIo } from "../helpers/capture-io.js";
import { digestCommand } from "../../src/cli/digest-command.js";

const DAY = 86_400_000;
const WEB = "acme/web";
const CLEAN = "acme/clean";
const ORG_REPO = "acme/.github";
const SECURITY_BODY = `| Package | Change |
|---|---|
| [axios](https://axios-http.com) | [\`1.6.0\` -> \`1.6.8\`](https://renovatebot.com/diffs/npm/axios/1.6.0/1.6.8) |

### GitHub Vulnerability Alerts

#### [GHSA-8hc4-vh64-cxmj](https://github.com/advisories/GHSA-8hc4-vh64-cxmj)

#### Severity
- CVSS Score: 7.5 / 10 (High)
`;

describe("weekly digests (end to end)", () => {
  let h: Harness;
  let clock = Date.now();
  const T0 = clock;
  const at = (days: number): string => new Date(T0 + days * DAY).toISOString();
  const digests = (repo: string) => h.fake.issues(repo).filter((i) => String(i.body).includes("merge-discipline:digest"));

  before(async () => {
    h = await startHarness({ now: () => clock });
    h.fake.addRepo({ owner: "acme", name: "web" });
    h.fake.addRepo({ owner: "acme", name: "clean" });
    h.fake.addRepo({ owner: "acme", name: ".github" });
    h.fake.setPermission(WEB, "maria", "write");
    h.fake.setFile(WEB, ".github/merge-discipline.yml", "owners:\n  teams: [acme/security]\ndigest:\n  assignees: [maria]\n");
    await h.startAnotherApp({ ROLE: "worker" });
  });
  after(async () => h?.stop());

  async function runDigest(days: number): Promise<void> {
    clock = T0 + days * DAY;
    h.fake.setNow(new Date(clock));
    const before = h.fake.requestsMatching("GET", /\/issues$/).length;
    // Two triggers at once, as two schedulers or a retry would: still one issue per target and week.
    await Promise.all([h.app.runJob({ name: "publish-digest", data: { installationId: 1 } }), h.app.runJob({ name: "publish-digest", data: { installationId: 1 } })]);
    await eventually(() => h.fake.requestsMatching("GET", /\/issues$/).length > before, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
  }

  it("opens one issue per stale repo and for the org each week, closes last week's, and stays quiet when clean", async () => {
    // History: a high-severity fix merged within its SLA (4 days) a month ago.
    const earlier = openPullRequest(h.fake, WEB, {
      at: at(-30),
      user: RENOVATE,
      title: "Update dependency lodash to v4.17.21 [SECURITY]",
      body: SECURITY_BODY.replaceAll("axios", "lodash").replace("1.6.0", "4.17.20").replace("1.6.8", "4.17.21"),
      head: { ref: "renovate/npm-lodash-vulnerability" },
    });
    mergePullRequest(earlier, at(-26));
    await h.pullRequestEvent("closed", WEB, earlier.number);
    const fix = openPullRequest(h.fake, WEB, {
      at: at(0),
      user: RENOVATE,
      title: "Update dependency axios to v1.6.8 [SECURITY]",
      body: SECURITY_BODY,
      head: { ref: "renovate/npm-axios-vulnerability" },
    });
    await h.pullRequestEvent("opened", WEB, fix.number);
    const patch = openPullRequest(h.fake, CLEAN, { at: at(0), user: DEPENDABOT, title: "Bump ms from 2.1.2 to 2.1.3", head: { ref: "dependabot/npm_and_yarn/ms-2.1.3" } });
    await h.pullRequestEvent("opened", CLEAN, patch.number);
    mergePullRequest(patch, at(1));
    await h.pullRequestEvent("closed", CLEAN, patch.number);

    // Week 1 (day 1): the high-severity fix (SLA 7d, first stage at 50%) is not stale yet.
    await runDigest(1);
    assert.equal(digests(WEB).length, 0);
    assert.equal(digests(ORG_REPO).length, 0);

    // Week 2 (day 8): stale, and overdue by a day.
    await runDigest(8);
    const [week2] = digests(WEB);
    assert.ok(week2, "the stale repo gets a digest issue");
    assert.match(String(week2.title), /^Stale security patches — week of \d{4}-\d{2}-\d{2}$/);
    assert.match(String(week2.body), new RegExp(`#${fix.number}\\b`));
    assert.match(String(week2.body), /axios/);
    assert.match(String(week2.body), /GHSA-8hc4-vh64-cxmj/);
    assert.match(String(week2.body), /```mermaid\nxychart-beta/);
    assert.match(String(week2.body), /\| Merged \| 1 \| 0 \|/, "one security update merged in the last 90 days");
    assert.match(String(week2.body), /\| Median \| 4d \|/);
    assert.match(String(week2.body), /SLO:\*\* 100%/);
    assert.match(String(week2.body), /bar \[(0, )*4(, 0)*\]/, "the trend shows the 4-day merge in its week");
    assert.match(String(week2.body), /overdue 1 day/);
    assert.equal(digests(CLEAN).length, 0, "a clean repo gets nothing");
    assert.deepEqual((week2.assignees as Array<{ login: string }>).map((a) => a.login), ["maria"], "assigned as configured");
    assert.match(String(week2.body), /@acme\/security/, "owners mentioned as configured");
    const [org2] = digests(ORG_REPO);
    assert.ok(org2, "the org digest goes to the org's .github repo");
    assert.match(String(org2.body), /acme\/web/);

    // Week 3 (day 15): a new issue, and week 2's is closed pointing at it.
    await runDigest(15);
    const web3 = digests(WEB);
    assert.equal(web3.length, 2);
    assert.deepEqual(web3.map((i) => i.state), ["closed", "open"]);
    const closing = h.fake.comments(WEB, Number(web3[0]?.number)).map((c) => String(c.body)).join("\n");
    assert.ok(closing.includes(String(web3[1]?.number)) || closing.includes(String(web3[1]?.html_url)), closing);

    // Week 4 (day 22): the fix merged on day 16 — no new issue, last week's closed with an all-clear.
    mergePullRequest(fix, at(16));
    await h.pullRequestEvent("closed", WEB, fix.number);
    await runDigest(22);
    const web4 = digests(WEB);
    assert.equal(web4.length, 2);
    assert.ok(web4.every((i) => i.state === "closed"));
    assert.match(h.fake.comments(WEB, Number(web4[1]?.number)).map((c) => String(c.body)).join("\n"), /all clear/i);
    assert.ok(digests(ORG_REPO).every((i) => i.state === "closed"));
    assert.equal(digests(ORG_REPO).length, 2);
  });

  it("counts and orders an open critical alert without a PR with the PRs, and links to the GitHub host it talks to", async () => {
    const SEC = "acme/sec";
    h.fake.addRepo({ owner: "acme", name: "sec" });
    // A high-severity fix far past its SLA (7d from day 25), and a critical alert past its SLA (2d from day 40) that has no PR.
    const high = openPullRequest(h.fake, SEC, {
      at: at(25),
      user: RENOVATE,
      title: "Update dependency undici to v1.6.8 [SECURITY]",
      body: SECURITY_BODY.replaceAll("axios", "undici"),
      head: { ref: "renovate/npm-undici-vulnerability" },
    });
    await h.pullRequestEvent("opened", SEC, high.number);
    const alert = h.fake.addDependabotAlert(SEC, { package: "minimist", severity: "critical", created_at: at(40), ghsa_id: "GHSA-xvch-5gv4-984h" });

    await runDigest(45);
    const issue = digests(SEC).at(-1);
    assert.ok(issue, "the repo gets a digest");
    const body = String(issue.body);
    assert.match(body, /^\*\*1 stale security patch\*\* and \*\*1 open alert without a pull request\*\* in acme\/sec \(1 critical · 1 high\)\./m);
    const rows = body.match(/^\| (#\d+|no PR: \[alert \d+\])/gm);
    assert.deepEqual(rows, [`| no PR: [alert ${alert.number}]`, `| #${high.number}`], "the critical alert first");
    const web = `http://${h.fake.host}`;
    assert.ok(body.includes(`](${web}/acme/sec/security/dependabot/${alert.number})`), body);
    assert.ok(body.includes(`](${web}/advisories/GHSA-8hc4-vh64-cxmj)`), body);
    assert.doesNotMatch(body, /https:\/\/github\.com/, "no link to github.com from an app talking to a GHES");

    const org = String(digests(ORG_REPO).at(-1)?.body);
    assert.match(org, /^\| acme\/sec \| 1 \| 1 \| 0 \| 0 \| 1 \|/m, "the Critical column counts the alert");
    assert.match(org, /^\*\*\d+ stale security patch(es)?\*\* and \*\*1 open alert without a pull request\*\*/m);
    assert.doesNotMatch(org, /https:\/\/github\.com/);
  });

  it("runs from the command line: a dry run prints the markdown and publishes nothing", async () => {
    const stale = openPullRequest(h.fake, WEB, {
      at: at(30),
      user: RENOVATE,
      title: "Update dependency axios to v1.7.4 [SECURITY]",
      body: SECURITY_BODY.replace("1.6.8", "1.7.4"),
      head: { ref: "renovate/npm-axios-vulnerability" },
    });
    await h.pullRequestEvent("opened", WEB, stale.number);
    const issuesBefore = digests(WEB).length;
    const writesBefore = h.fake.writeCount();
    const capture = captureIo(h.env, T0 + 40 * DAY);
    const code = await digestCommand(["--installation", "1", "--repo", WEB, "--dry-run"], capture.io, { Octokit: TestOctokit, redisConfig: undefined });
    assert.equal(code, 0, capture.stderr());
    assert.match(capture.stdout(), /# Stale security patches — week of/);
    assert.match(capture.stdout(), new RegExp(`#${stale.number}\\b`));
    assert.equal(digests(WEB).length, issuesBefore);
    assert.equal(h.fake.writeCount(), writesBefore, "a dry run writes nothing");

    const usage = captureIo(h.env, T0);
    assert.equal(await digestCommand(["--repo", WEB], usage.io), 2);
    assert.match(usage.stderr(), /usage: merge-discipline digest --installation/);
  });

  it("keeps exactly one digest scheduler (and one reconciliation) per installation, and one redelivery scheduler", async () => {
    await h.restartApp();
    const connection = new Redis(h.redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue("merge-discipline", { connection, prefix: "{merge-discipline}" });
    try {
      const schedulers = await queue.getJobSchedulers();
      assert.deepEqual(schedulers.map((s) => [s.key ?? s.id, s.pattern ?? `every ${s.every}`, s.tz ?? null]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))), [
        ["digest-1", "0 9 * * 1", "UTC"],
        ["reconcile-1", "1 3 * * *", "UTC"],
        // App-wide, not per installation: failed webhooks asked for again every 10 minutes.
        ["redeliver-webhooks", "every 600000", null],
      ]);
    } finally {
      await queue.close();
      connection.disconnect();
    }
  });
});
