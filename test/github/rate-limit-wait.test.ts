// Genuine RequestErrors from the real @octokit/rest client against the fake GitHub, so the test reads
// the same status, message and headers the app will see.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Octokit } from "@octokit/rest";
import { rateLimitWait } from "../../src/github/rate-limit-wait.js";
import { primaryRateLimit, secondaryRateLimit, startFakeGitHub, type FakeGitHub } from "../fake-github/index.js";

const owner = "acme";
const repo = "widgets";
const NOW = Date.parse("2026-11-02T09:00:00Z");
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

let fake: FakeGitHub;
let gh: Octokit;

before(async () => {
  fake = await startFakeGitHub({ now: "2026-11-02T09:00:00Z" });
  fake.addInstallation({ id: 1, account: owner });
  fake.addRepo({ owner, name: repo });
  fake.addIssue(`${owner}/${repo}`, { number: 1 });
  gh = new Octokit({ baseUrl: fake.baseUrl, auth: fake.createInstallationToken(1), log: quiet });
});
after(() => fake.close());

/** The error a comment write fails with. */
async function failedWrite(): Promise<unknown> {
  try {
    await gh.rest.issues.createComment({ owner, repo, issue_number: 1, body: "hi" });
  } catch (error) {
    return error;
  }
  throw new Error("the write was expected to fail");
}

describe("rateLimitWait", () => {
  it("waits retry-after seconds on a secondary rate limit", async () => {
    fake.failNext({ method: "POST", path: /comments$/, ...secondaryRateLimit(7) });
    assert.equal(rateLimitWait(await failedWrite(), NOW), NOW + 7_000);
  });

  it("waits for x-ratelimit-reset when the primary limit is spent", async () => {
    const reset = new Date(Date.now() + 90_000);
    fake.failNext({ method: "POST", path: /comments$/, ...primaryRateLimit(reset, 1) });
    const now = Date.now();
    assert.equal(rateLimitWait(await failedWrite(), now), Math.ceil(reset.getTime() / 1000) * 1000);
  });

  it("reads the fake's own primary-limit accounting the same way", async () => {
    fake.setRateLimit(1, { remaining: 0 });
    try {
      const error = await failedWrite();
      const reset = Number((error as { response: { headers: Record<string, string> } }).response.headers["x-ratelimit-reset"]);
      assert.equal(rateLimitWait(error, Date.now()), reset * 1000);
    } finally {
      fake.setRateLimit(1, { remaining: 5000 });
    }
  });

  it("never answers a time in the past for a reset that already passed", async () => {
    fake.failNext({ method: "POST", path: /comments$/, ...primaryRateLimit(new Date(NOW - 60_000)) });
    assert.equal(rateLimitWait(await failedWrite(), NOW), NOW);
  });

  it("waits a minute on a bare 429, and retry-after on a 429 that carries it", async () => {
    fake.failNext({ method: "POST", path: /comments$/, status: 429 });
    assert.equal(rateLimitWait(await failedWrite(), NOW), NOW + 60_000);
    fake.failNext({ method: "POST", path: /comments$/, status: 429, headers: { "retry-after": "30" } });
    assert.equal(rateLimitWait(await failedWrite(), NOW), NOW + 30_000);
  });

  it("waits a minute on a 403 that says secondary rate limit without headers", async () => {
    const { body } = secondaryRateLimit();
    fake.failNext({ method: "POST", path: /comments$/, status: 403, body });
    assert.equal(rateLimitWait(await failedWrite(), NOW), NOW + 60_000);
  });

  it("takes the later time when retry-after and a spent primary limit disagree", async () => {
    const reset = Math.ceil((NOW + 120_000) / 1000);
    fake.failNext({
      method: "POST", path: /comments$/, status: 403,
      headers: { "retry-after": "10", "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) },
    });
    assert.equal(rateLimitWait(await failedWrite(), NOW), reset * 1000);
  });

  it("answers null for errors that are not rate limits", async () => {
    for (const status of [403, 404, 422, 500]) {
      fake.failNext({ method: "POST", path: /comments$/, status });
      const error = await failedWrite();
      assert.equal((error as { status: number }).status, status);
      assert.equal(rateLimitWait(error, NOW), null, `status ${status}`);
    }
    fake.failNext({ method: "POST", path: /comments$/, status: 403, body: { message: "Resource not accessible by integration" } });
    assert.equal(rateLimitWait(await failedWrite(), NOW), null);
  });

  it("answers null, never throws, for things that are not request errors", () => {
    const hostile = { get status(): number { throw new Error("boom"); } };
    for (const value of [null, undefined, "429", 429, new Error("secondary rate limit"), { status: "403" }, hostile]) {
      assert.equal(rateLimitWait(value, NOW), null);
    }
  });
});
