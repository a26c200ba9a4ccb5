// Issue #3: a user's config mistake is shown on GitHub, and the app keeps the last valid policy.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { eventually, startHarness, type Harness } from "../helpers/app-harness.js";
import { DEPENDABOT, openPullRequest } from "../helpers/pull-requests.js";

const REPO = "acme/tools";
const PATH = ".github/merge-discipline.yml";
const VALID = `sla:
  patch: 10s
escalation:
  stages:
    - at: 30%
`;
const INVALID = `sla:
  patch: 3x
  security:
    urgent: 1d
escalation:
  stages:
    - at: 30%
      mention: everyone
colour: blue
`;

describe("invalid config (end to end)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    h.fake.addRepo({ owner: "acme", name: "tools" });
  });
  after(async () => h?.stop());

  const configCheck = (sha: string) => h.fake.checkRuns(REPO, sha).find((c) => c.name === "merge-discipline config");

  it("reports each problem on the commit that changed the file and keeps the previous policy", async () => {
    const validSha = h.fake.setFile(REPO, PATH, VALID);
    await h.pushEvent(REPO, validSha);
    // The app reads the file as it is on the default branch; let it take in this push before the next.
    await eventually(() => h.fake.requestsMatching("GET", /\/contents\/\.github/).length >= 1, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const badSha = h.fake.setFile(REPO, PATH, INVALID);
    await h.pushEvent(REPO, badSha);

    const check = await eventually(() => configCheck(badSha), 10_000);
    const output = check.output as { title: string; summary: string };
    assert.equal(check.conclusion, "failure");
    assert.match(output.title, /4 problems/);
    for (const path of ["sla.patch", "sla.security.urgent", "escalation.stages[0].mention", "colour"]) {
      assert.ok(output.summary.includes(path), `${path} is listed:\n${output.summary}`);
    }
    assert.match(output.summary, /"3x" is not a duration/);
    assert.match(output.summary, /keeps using the last valid configuration/);
    assert.equal(configCheck(validSha), undefined, "a valid file with no earlier problem needs no check");

    // A redelivered push changes nothing: the same problems are not re-published.
    const writes = h.fake.writeCount();
    await h.pushEvent(REPO, badSha);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(h.fake.writeCount(), writes);

    // The previous policy (patch SLA 10s, first stage at 30%) still drives the nudges.
    const pr = openPullRequest(h.fake, REPO, {
      at: new Date().toISOString(),
      user: DEPENDABOT,
      title: "Bump chalk from 5.3.0 to 5.3.1",
      head: { ref: "dependabot/npm_and_yarn/chalk-5.3.1" },
    });
    await h.pullRequestEvent("opened", REPO, pr.number);
    await eventually(() => h.fake.comments(REPO, pr.number).some((c) => String(c.body).includes("stage=30%")), 10_000);
  });

  it("turns the check green when the file is fixed, and names a YAML syntax error with its line", async () => {
    const brokenSha = h.fake.setFile(REPO, PATH, "sla:\n  patch: [7d\n");
    await h.pushEvent(REPO, brokenSha);
    const broken = await eventually(() => configCheck(brokenSha), 10_000);
    assert.match((broken.output as { summary: string }).summary, /acme\/tools.*not valid YAML|YAML/);

    const fixedSha = h.fake.setFile(REPO, PATH, VALID.replace("10s", "12s"));
    await h.pushEvent(REPO, fixedSha);
    const fixed = await eventually(() => configCheck(fixedSha), 10_000);
    assert.equal(fixed.conclusion, "success");
  });

  it("keeps evaluating a repo whose config check cannot be written, and shows the check once GitHub lets it", async () => {
    const repo = "acme/cfg";
    h.fake.addRepo({ owner: "acme", name: "cfg" });
    const badSha = h.fake.setFile(repo, PATH, INVALID);
    // The lookup of the commit to show the problems on fails three times (retried at about 5 s and 15 s).
    h.fake.failNext({ method: "GET", path: /^\/repos\/acme\/cfg\/commits$/, status: 502, times: 3 });
    const pr = openPullRequest(h.fake, repo, {
      at: new Date().toISOString(),
      user: DEPENDABOT,
      title: "Bump nanoid from 3.3.7 to 3.3.8",
      head: { ref: "dependabot/npm_and_yarn/nanoid-3.3.8" },
    });
    await h.pullRequestEvent("opened", repo, pr.number);
    const head = (h.fake.pull(repo, pr.number) as { head: { sha: string } }).head.sha;
    await eventually(() => h.fake.checkRuns(repo, head).find((c) => c.name === "merge-discipline"), 10_000);
    assert.equal(h.fake.checkRuns(repo, badSha).length, 0, "the PR's check did not wait for the config report");

    const report = await eventually(() => h.fake.checkRuns(repo, badSha).find((c) => c.name === "merge-discipline config"), 40_000);
    assert.equal(report.conclusion, "failure");
    assert.ok(h.fake.requestsMatching("GET", /^\/repos\/acme\/cfg\/commits$/).length >= 4, "the lookup failed and was retried");
    assert.equal(h.fake.requestsMatching("POST", /^\/repos\/acme\/cfg\/check-runs$/).filter((r) => (r.body as { name?: string }).name === "merge-discipline config").length, 1);
  });

  it("shows a broken organisation config in the org's .github repo, once for every repo that reads it", async () => {
    h.fake.addRepo({ owner: "acme", name: ".github" });
    const orgSha = h.fake.setFile("acme/.github", PATH, INVALID);
    const configRuns = () =>
      h.fake.requestsMatching("POST", /^\/repos\/acme\/\.github\/check-runs$/).filter((r) => (r.body as { name?: string }).name === "merge-discipline config");
    for (const name of ["svc-a", "svc-b"]) {
      h.fake.addRepo({ owner: "acme", name });
      const pr = openPullRequest(h.fake, `acme/${name}`, {
        at: new Date().toISOString(),
        user: DEPENDABOT,
        title: "Bump ms from 2.1.2 to 2.1.3",
        head: { ref: "dependabot/npm_and_yarn/ms-2.1.3" },
      });
      await h.pullRequestEvent("opened", `acme/${name}`, pr.number);
      const head = (h.fake.pull(`acme/${name}`, pr.number) as { head: { sha: string } }).head.sha;
      await eventually(() => h.fake.checkRuns(`acme/${name}`, head).find((c) => c.name === "merge-discipline"), 10_000);
    }
    const report = await eventually(() => h.fake.checkRuns("acme/.github", orgSha).find((c) => c.name === "merge-discipline config"), 10_000);
    assert.equal(report.conclusion, "failure");
    assert.match((report.output as { summary: string }).summary, /acme\/\.github/);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal(configRuns().length, 1, "one check for the shared file, not one per repo reading it");
  });

  it("reports a __proto__ key in a file that extends another, as it does in one that does not", async () => {
    h.fake.addRepo({ owner: "acme", name: "base" });
    h.fake.addRepo({ owner: "acme", name: "ext" });
    h.fake.setFile("acme/base", PATH, VALID);
    const sha = h.fake.setFile("acme/ext", PATH, "_extends: base\n__proto__:\n  enabled: false\nsla:\n  __proto__: 1d\n");
    await h.pushEvent("acme/ext", sha);
    const check = await eventually(() => h.fake.checkRuns("acme/ext", sha).find((c) => c.name === "merge-discipline config"), 10_000);
    const output = check.output as { title: string; summary: string };
    assert.equal(check.conclusion, "failure");
    assert.match(output.title, /2 problems/);
    for (const path of ["`__proto__`", "`sla.__proto__`"]) assert.ok(output.summary.includes(path), `${path} is listed:\n${output.summary}`);
  });
});
