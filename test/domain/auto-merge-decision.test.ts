// The auto-merge safety rule, case by case: what merges, and every way a PR that only looks like a bot's
// (or is a bot's but was touched by someone else) is refused, with the reason the check run will show.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { decideAutoMerge, type AutoMergeInput } from "../../src/domain/auto-merge-decision.js";
import { DEFAULT_BOT_IDENTITIES } from "../../src/domain/bot-identity.js";
import type { Policy, SlaClass } from "../../src/domain/policy.js";
import type { BotIdentities, CommitInfo } from "../../src/domain/types.js";
import { DEFAULT_POLICY } from "../../src/config/default-policy.js";
import { record, update } from "../helpers/records.js";

function policy(classes: SlaClass[], method: Policy["autoMerge"]["method"] = "squash"): Policy {
  return { ...DEFAULT_POLICY, autoMerge: { classes, method } };
}

// Dependabot's commits are made through GitHub's API: committed (and signed) by GitHub's web-flow.
const dependabotCommit: CommitInfo = {
  message: "Bump lodash from 4.17.20 to 4.17.21", authorLogin: "dependabot[bot]", authorId: 49699333,
  committerLogin: "web-flow", committerId: 19864447, verified: true,
};
const renovateCommit: CommitInfo = {
  message: "Update dependency lodash to v4.17.21", authorLogin: "renovate[bot]", authorId: 29139614,
  committerLogin: "renovate[bot]", committerId: 29139614, verified: true,
};
const renovatePr = record({
  number: 2, author: "renovate[bot]", headRef: "renovate/lodash-4.x", update: update({ bot: "renovate" }),
});
const selfHosted: BotIdentities = { ...DEFAULT_BOT_IDENTITIES, renovate: [{ login: "acme-renovate" }] };

function input(overrides: Partial<AutoMergeInput> = {}): AutoMergeInput {
  return {
    record: record({ number: 1 }),
    slaClass: "patch",
    policy: policy(["patch", "minor"]),
    commits: [dependabotCommit],
    identities: DEFAULT_BOT_IDENTITIES,
    ci: "passing",
    draft: false,
    ...overrides,
  };
}

interface Case {
  name: string;
  input: AutoMergeInput;
  /** a merge method, or the refusal reason */
  expected: { method: Policy["autoMerge"]["method"] } | { reason: string };
}

const cases: Case[] = [
  { name: "a genuine Dependabot patch update with green CI merges", input: input(), expected: { method: "squash" } },
  { name: "the policy's method is used", input: input({ policy: policy(["patch"], "rebase") }), expected: { method: "rebase" } },
  {
    name: "several commits, all the bot's and verified (a rebase by the bot)",
    input: input({ commits: [dependabotCommit, { ...dependabotCommit, message: "Rebase" }] }),
    expected: { method: "squash" },
  },
  {
    name: "a genuine Renovate PR merges",
    input: input({ record: renovatePr, commits: [renovateCommit] }), expected: { method: "squash" },
  },
  {
    name: "a self-hosted Renovate login counts once configured",
    input: input({
      record: { ...renovatePr, author: "acme-renovate" }, identities: selfHosted,
      commits: [{ ...renovateCommit, authorLogin: "ACME-Renovate", authorId: 5150, committerLogin: "acme-renovate", committerId: 5150 }],
    }),
    expected: { method: "squash" },
  },
  {
    name: "a security update merges when its class is listed",
    input: input({ slaClass: "security.high", policy: policy(["security.high"]), record: record({ number: 1, update: update({ security: true, severity: "high" }) }) }),
    expected: { method: "squash" },
  },

  // policy
  { name: "auto-merge off: no classes", input: input({ policy: policy([]) }), expected: { reason: "auto-merge is not enabled for patch updates" } },
  { name: "the class is not listed", input: input({ slaClass: "minor", policy: policy(["patch"]) }), expected: { reason: "auto-merge is not enabled for minor updates" } },
  {
    name: "a security class reads as such",
    input: input({ slaClass: "security.critical", policy: policy(["patch"]) }),
    expected: { reason: "auto-merge is not enabled for critical-severity security updates" },
  },
  {
    name: "a major security fix needs \"major\" listed too",
    input: input({
      slaClass: "security.high", policy: policy(["security.high"]),
      record: record({ number: 1, update: update({ security: true, severity: "high", updateType: "major" }) }),
    }),
    expected: { reason: 'auto-merge is not enabled for major updates (add "major" to auto_merge.classes)' },
  },
  {
    name: "a major security fix merges with both listed",
    input: input({
      slaClass: "security.high", policy: policy(["security.high", "major"]),
      record: record({ number: 1, update: update({ security: true, severity: "high", updateType: "major" }) }),
    }),
    expected: { method: "squash" },
  },
  {
    name: "a closed PR is not merged",
    input: input({ record: record({ number: 1, state: "closed", closedAt: 1 }) }), expected: { reason: "the pull request is closed" },
  },

  // who wrote it
  {
    name: "a PR by a human is refused even if a record exists",
    input: input({ record: record({ number: 1, author: "alice" }) }),
    expected: { reason: "the pull request was opened by alice, not by dependabot" },
  },
  { name: "commits unknown", input: input({ commits: null }), expected: { reason: "the pull request's commits could not be read" } },
  { name: "empty commit list never passes vacuously", input: input({ commits: [] }), expected: { reason: "the pull request has no commits" } },
  {
    name: "a human commit pushed to the bot's branch",
    input: input({ commits: [dependabotCommit, { ...dependabotCommit, message: "fix tests", authorLogin: "alice", authorId: 11 }] }),
    expected: { reason: "a commit by alice is not from dependabot[bot]" },
  },
  {
    name: "a commit authored by the bot but committed (and signed) by a human",
    input: input({ commits: [{ ...dependabotCommit, committerLogin: "mallory", committerId: 66 }] }),
    expected: { reason: "a commit by dependabot[bot] was committed by mallory, not by dependabot[bot]" },
  },
  {
    name: "an account named web-flow that is not GitHub's",
    input: input({ commits: [{ ...dependabotCommit, committerId: 12345 }] }),
    expected: { reason: "a commit by dependabot[bot] was committed by web-flow, not by dependabot[bot]" },
  },
  {
    name: "a commit whose committer GitHub could not link to an account",
    input: input({ commits: [{ ...dependabotCommit, committerLogin: null, committerId: null }] }),
    expected: { reason: 'commit "Bump lodash from 4.17.20 to 4.17.21" has no GitHub committer, so it cannot be shown to be from dependabot[bot]' },
  },
  {
    name: "commit facts that do not say who committed (cached before committers were kept)",
    input: input({ commits: [{ message: "Bump", authorLogin: "dependabot[bot]", verified: true }] }),
    expected: { reason: 'commit "Bump" has no GitHub committer, so it cannot be shown to be from dependabot[bot]' },
  },
  {
    name: "a commit by an account with the bot's login but another id",
    input: input({ commits: [{ ...dependabotCommit, authorId: 777 }] }),
    expected: { reason: "a commit by dependabot[bot] is not from dependabot[bot]" },
  },
  {
    name: "the bot committing itself (Renovate without platform commits) is fine",
    input: input({ commits: [{ ...dependabotCommit, committerLogin: "dependabot[bot]", committerId: 49699333 }] }),
    expected: { method: "squash" },
  },
  {
    name: "250 commits (GitHub lists no more) cannot all be checked",
    input: input({ commits: Array.from({ length: 250 }, () => dependabotCommit) }),
    expected: { reason: "the pull request has 250 or more commits, more than GitHub lists, so not all of them can be checked" },
  },
  {
    name: "249 commits, all the bot's, are checked one by one",
    input: input({ commits: Array.from({ length: 249 }, () => dependabotCommit) }),
    expected: { method: "squash" },
  },
  {
    name: "an unverified commit that claims to be the bot's",
    input: input({ commits: [{ ...dependabotCommit, verified: false }] }),
    expected: { reason: 'commit "Bump lodash from 4.17.20 to 4.17.21" by dependabot[bot] is not verified' },
  },
  {
    name: "a commit whose email matches no GitHub account",
    input: input({ commits: [{ ...dependabotCommit, message: "sneaky", authorLogin: null, authorId: null, verified: false }] }),
    expected: { reason: 'commit "sneaky" has no GitHub author, so it cannot be shown to be from dependabot[bot]' },
  },
  {
    name: "a Renovate PR with a Dependabot commit",
    input: input({ record: renovatePr, commits: [renovateCommit, dependabotCommit] }),
    expected: { reason: "a commit by dependabot[bot] is not from renovate[bot]" },
  },
  {
    name: "a look-alike login is not the bot",
    input: input({ commits: [{ ...dependabotCommit, authorLogin: "dependabot" }] }),
    expected: { reason: "a commit by dependabot is not from dependabot[bot]" },
  },
  {
    name: "an impostor commit is refused even when CI is red too (identity comes first)",
    input: input({ ci: "failing", commits: [{ ...dependabotCommit, authorLogin: "mallory" }] }),
    expected: { reason: "a commit by mallory is not from dependabot[bot]" },
  },

  // readiness
  { name: "draft", input: input({ draft: true }), expected: { reason: "the pull request is a draft" } },
  { name: "CI pending", input: input({ ci: "pending" }), expected: { reason: "waiting for CI" } },
  { name: "CI unknown", input: input({ ci: "unknown" }), expected: { reason: "waiting for CI" } },
  { name: "CI failing", input: input({ ci: "failing" }), expected: { reason: "CI is failing" } },
];

describe("decideAutoMerge", () => {
  for (const c of cases) {
    it(c.name, () => {
      const expected = "method" in c.expected ? { merge: true, method: c.expected.method } : { merge: false, reason: c.expected.reason };
      assert.deepEqual(decideAutoMerge(c.input), expected);
    });
  }

  it("shortens a long commit headline in its reason", () => {
    const long = { ...dependabotCommit, message: `${"x".repeat(100)}\n\nbody`, verified: false };
    const decision = decideAutoMerge(input({ commits: [long] }));
    assert.equal(decision.merge, false);
    assert.ok(!decision.merge && decision.reason.includes(`"${"x".repeat(59)}…"`));
  });
});
