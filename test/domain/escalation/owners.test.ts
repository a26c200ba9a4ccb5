import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { chooseOwners, contactsMentions, MAX_MENTIONS, mentionOf } from "../../../src/domain/owners.js";
import type { OwnerCandidates } from "../../../src/domain/owners.js";

function candidates(overrides: Partial<OwnerCandidates> = {}): OwnerCandidates {
  return {
    requestedReviewers: [],
    requestedTeams: [],
    assignees: [],
    codeowners: [],
    configured: { users: [], teams: [] },
    useCodeowners: true,
    ...overrides,
  };
}

describe("chooseOwners preference", () => {
  const cases: Array<{ name: string; input: OwnerCandidates; source: string; mentions: string[] }> = [
    {
      name: "the PR's reviewers, teams and assignees first",
      input: candidates({
        requestedReviewers: ["alice"],
        requestedTeams: ["acme/web"],
        assignees: ["carol"],
        codeowners: ["@dave"],
        configured: { users: ["erin"], teams: [] },
      }),
      source: "reviewers-and-assignees",
      mentions: ["@alice", "@acme/web", "@carol"],
    },
    {
      name: "CODEOWNERS when the PR names nobody",
      input: candidates({ codeowners: ["@dave", "@acme/platform"], configured: { users: ["erin"], teams: [] } }),
      source: "codeowners",
      mentions: ["@dave", "@acme/platform"],
    },
    {
      name: "configured owners when CODEOWNERS is switched off",
      input: candidates({ codeowners: ["@dave"], useCodeowners: false, configured: { users: ["erin"], teams: ["acme/ops"] } }),
      source: "configured",
      mentions: ["@erin", "@acme/ops"],
    },
    {
      name: "configured owners when the PR's only reviewer is a bot",
      input: candidates({ requestedReviewers: ["dependabot[bot]"], assignees: ["renovate[bot]"], configured: { users: ["erin"], teams: [] } }),
      source: "configured",
      mentions: ["@erin"],
    },
    { name: "none at all", input: candidates(), source: "none", mentions: [] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(chooseOwners(c.input), { source: c.source, mentions: c.mentions }));
  }
});

describe("chooseOwners validation", () => {
  it("drops bots, invalid logins and team slugs, de-duplicating case-insensitively", () => {
    const result = chooseOwners(
      candidates({
        requestedReviewers: [
          "Alice",
          "alice",
          "dependabot[bot]",
          "bad user",
          "<img src=x>",
          "-leading",
          "a".repeat(40),
          "b".repeat(39),
          "@carol",
          "org/team",
        ],
        requestedTeams: ["acme/web", "ACME/Web", "bare-slug", "acme/we b", "acme/web/extra", "acme/"],
        assignees: ["x](http://evil)"],
      }),
    );
    assert.deepEqual(result.mentions, ["@Alice", `@${"b".repeat(39)}`, "@carol", "@acme/web"]);
  });

  it(`caps the list at ${MAX_MENTIONS} mentions`, () => {
    const many = Array.from({ length: 30 }, (_, i) => `user${i}`);
    assert.equal(chooseOwners(candidates({ requestedReviewers: many })).mentions.length, MAX_MENTIONS);
  });

  it("ignores CODEOWNERS entries that are not @-owners", () => {
    const result = chooseOwners(candidates({ codeowners: ["docs@example.com", "plain"], configured: { users: ["erin"], teams: [] } }));
    assert.equal(result.source, "configured");
  });

  const mentionCases: Array<[string, string | null]> = [
    ["octocat", "@octocat"],
    ["@octocat", "@octocat"],
    ["octo-org/octocats", "@octo-org/octocats"],
    ["octo-org/team_name", "@octo-org/team_name"],
    ["renovate[bot]", null],
    ["octo cat", null],
    ["@@octocat", null],
    ["", null],
  ];
  for (const [principal, expected] of mentionCases) {
    it(`mentionOf(${JSON.stringify(principal)}) → ${String(expected)}`, () => assert.equal(mentionOf(principal), expected));
  }
});

describe("contactsMentions", () => {
  it("renders valid users and org/team slugs only", () => {
    assert.deepEqual(
      contactsMentions({ users: ["sec-lead", "security[bot]", "acme/x"], teams: ["acme/security", "security", "Acme/Security"] }),
      ["@sec-lead", "@acme/security"],
    );
  });
});
