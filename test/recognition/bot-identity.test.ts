import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { botLookalike, DEFAULT_BOT_IDENTITIES, identifyBot, lookalikeEvidence } from "../../src/domain/bot-identity.js";
import type { Author, PullRequestFacts } from "../../src/domain/types.js";

const facts = (author: Author, title = "Fix typo", headRef = "patch-1"): PullRequestFacts => ({ title, body: "", headRef, author, labels: [] });

describe("DEFAULT_BOT_IDENTITIES", () => {
  it("lists GitHub.com's bot accounts with their ids", () => {
    assert.deepEqual(DEFAULT_BOT_IDENTITIES, {
      dependabot: [
        { login: "dependabot[bot]", id: 49699333 },
        { login: "dependabot-preview[bot]", id: 27856297 },
      ],
      renovate: [{ login: "renovate[bot]", id: 29139614 }],
    });
  });
});

describe("identifyBot", () => {
  it("matches login and id", () => {
    assert.equal(identifyBot({ login: "dependabot[bot]", id: 49699333, type: "Bot" }, DEFAULT_BOT_IDENTITIES), "dependabot");
    assert.equal(identifyBot({ login: "dependabot-preview[bot]", id: 27856297, type: "Bot" }, DEFAULT_BOT_IDENTITIES), "dependabot");
    assert.equal(identifyBot({ login: "renovate[bot]", id: 29139614, type: "Bot" }, DEFAULT_BOT_IDENTITIES), "renovate");
  });
  it("compares logins case-insensitively", () => {
    assert.equal(identifyBot({ login: "Renovate[bot]", id: 29139614, type: "Bot" }, DEFAULT_BOT_IDENTITIES), "renovate");
  });
  it("rejects a known login with another id", () => {
    assert.equal(identifyBot({ login: "renovate[bot]", id: 12345, type: "Bot" }, DEFAULT_BOT_IDENTITIES), null);
    assert.equal(identifyBot({ login: "dependabot[bot]", id: 1, type: "User" }, DEFAULT_BOT_IDENTITIES), null);
  });
  it("accepts the login when the author's id is unknown", () => {
    assert.equal(identifyBot({ login: "dependabot[bot]", id: 0, type: "Bot" }, DEFAULT_BOT_IDENTITIES), "dependabot");
  });
  it("matches a configured login without id for any account type", () => {
    const identities = { dependabot: [], renovate: [{ login: "renovate-bot" }] };
    assert.equal(identifyBot({ login: "renovate-bot", id: 42, type: "User" }, identities), "renovate");
    assert.equal(identifyBot({ login: "renovate-bot", id: 42, type: "Bot" }, identities), "renovate");
    assert.equal(identifyBot({ login: "renovate[bot]", id: 29139614, type: "Bot" }, identities), null);
  });
  it("knows nobody else", () => {
    assert.equal(identifyBot({ login: "github-actions[bot]", id: 41898282, type: "Bot" }, DEFAULT_BOT_IDENTITIES), null);
    assert.equal(identifyBot({ login: "dependabot", id: 31337, type: "User" }, DEFAULT_BOT_IDENTITIES), null);
  });
});

describe("botLookalike", () => {
  const alice: Author = { login: "alice", id: 5, type: "User" };
  it("sees the bots' branches", () => {
    assert.equal(botLookalike(facts(alice, "x", "dependabot/npm_and_yarn/lodash-4.17.21")), "dependabot");
    assert.equal(botLookalike(facts(alice, "x", "renovate/lodash-4.x")), "renovate");
    assert.equal(botLookalike(facts(alice, "x", "my-dependabot/fix")), null);
  });
  it("sees the bots' titles from people", () => {
    assert.equal(botLookalike(facts(alice, "Bump lodash from 4.17.20 to 4.17.21")), "dependabot");
    assert.equal(botLookalike(facts(alice, "build(deps): Bump the npm_and_yarn group across 2 directories with 5 updates")), "dependabot");
    assert.equal(botLookalike(facts(alice, "Update business requirement from ~> 1.4 to ~> 1.5")), "dependabot");
    assert.equal(botLookalike(facts(alice, "Update dependency lodash to v4.17.21 [SECURITY]")), "renovate");
    assert.equal(botLookalike(facts(alice, "Update module github.com/x/y to v1.4.0")), "renovate");
    assert.equal(botLookalike(facts(alice, "Update actions/checkout action to v4")), "renovate");
    assert.equal(botLookalike(facts(alice, "Update node Docker tag to v20")), "renovate");
    assert.equal(botLookalike(facts(alice, "chore(deps): lock file maintenance")), "renovate");
    assert.equal(botLookalike(facts(alice, "Pin dependencies")), "renovate");
    assert.equal(botLookalike(facts(alice, "Update all non-major dependencies")), "renovate");
  });
  it("does not see ordinary titles", () => {
    for (const title of ["Bump version", "Update README", "Update docs to v2", "[Snyk] Upgrade axios from 1.7.2 to 1.7.7", "Bumped lodash", ""]) {
      assert.equal(botLookalike(facts(alice, title)), null, title);
    }
  });
  it("does not hold other apps' titles against them, but does their branches", () => {
    const actions: Author = { login: "github-actions[bot]", id: 41898282, type: "Bot" };
    assert.equal(botLookalike(facts(actions, "Bump version from 1.2.2 to 1.2.3")), null);
    assert.equal(botLookalike(facts(actions, "x", "dependabot/npm_and_yarn/x")), "dependabot");
  });
  it("sees bot-like logins", () => {
    assert.equal(botLookalike(facts({ login: "dependabot", id: 3, type: "User" })), "dependabot");
    assert.equal(botLookalike(facts({ login: "renovate-bot", id: 3, type: "User" })), "renovate");
  });
  it("explains itself", () => {
    assert.deepEqual(lookalikeEvidence(facts({ login: "renovate[bot]", id: 12345, type: "Bot" }), DEFAULT_BOT_IDENTITIES), {
      bot: "renovate",
      reason: 'author "renovate[bot]" (Bot) has renovate\'s login but id 12345, not the configured one',
    });
    assert.deepEqual(lookalikeEvidence(facts(alice, "Bump lodash from 1 to 2"), DEFAULT_BOT_IDENTITIES), {
      bot: "dependabot",
      reason: 'author "alice" (User) used dependabot\'s title format: "Bump lodash from 1 to 2"',
    });
  });
});
