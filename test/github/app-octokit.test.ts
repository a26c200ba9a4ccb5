// The app's Octokit as Probot builds it, throttling plugin enabled (no test override), against the fake:
// writes are paced by the app's write budget, not queued a second or three apart per installation, and a
// secondary rate limit still comes back as an error the worker turns into a pause.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { createProbot, type Probot } from "probot";
import pino from "pino";
import { AppOctokit } from "../../src/github/app-octokit.js";
import { rateLimitWait } from "../../src/github/rate-limit-wait.js";
import { secondaryRateLimit, startFakeGitHub, type FakeGitHub } from "../fake-github/index.js";

let fake: FakeGitHub;
let probot: Probot;

before(async () => {
  fake = await startFakeGitHub({ now: "2026-11-02T09:00:00Z" });
  for (const id of [1, 2]) {
    fake.addInstallation({ id, account: { login: `org${id}`, type: "Organization" } });
    fake.addRepo({ owner: `org${id}`, name: "widgets" });
    fake.addIssue(`org${id}/widgets`, { number: 1 });
  }
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  probot = createProbot({
    env: { APP_ID: String(fake.appId), PRIVATE_KEY: privateKey, WEBHOOK_SECRET: "s", GHE_HOST: fake.host, GHE_PROTOCOL: "http" },
    overrides: { Octokit: AppOctokit, log: pino({ level: "silent" }) },
  });
});
after(() => fake.close());

const comment = async (installationId: number, body: string): Promise<void> => {
  const octokit = await probot.auth(installationId);
  await octokit.rest.issues.createComment({ owner: `org${installationId}`, repo: "widgets", issue_number: 1, body });
};

describe("the app's Octokit", () => {
  it("does not hold an installation's writes seconds apart (the plugin queues comments 3 s apart)", async () => {
    await comment(1, "warm-up: the installation token");
    const started = Date.now();
    for (let i = 0; i < 4; i++) await comment(1, `comment ${i}`);
    for (let i = 0; i < 4; i++) await comment(2, `comment ${i}`);
    // The plugin's pacing alone would take at least 3 × 3 s per installation here.
    assert.ok(Date.now() - started < 6_000, `8 comments took ${Date.now() - started} ms`);
    assert.equal(fake.comments("org1/widgets", 1).length, 5);
    assert.equal(fake.comments("org2/widgets", 1).length, 4);
  });

  it("hands a secondary rate limit back untried, with the wait GitHub asked for", async () => {
    fake.failNext({ method: "POST", path: /comments$/, ...secondaryRateLimit(42) });
    const before = fake.requestsMatching("POST", /comments$/).length;
    const error = await comment(1, "refused").then(
      () => null,
      (e: unknown) => e,
    );
    const now = Date.now();
    const wait = rateLimitWait(error, now);
    assert.ok(wait !== null && wait >= now + 41_000, "the worker pauses the installation for retry-after");
    assert.equal(fake.requestsMatching("POST", /comments$/).length - before, 1, "no retry loop against a secondary limit");
  });
});
