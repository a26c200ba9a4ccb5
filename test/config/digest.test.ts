import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parsePolicy } from "../../src/config/parse-policy.js";
import { checkCron } from "../../src/config/schema-digest.js";
import type { ConfigProblem, DigestPolicy } from "../../src/domain/policy.js";

const digestOf = (digest: unknown): DigestPolicy | undefined => parsePolicy({ digest }).policy?.digest;
const problemsOf = (digest: unknown): ConfigProblem[] => parsePolicy({ digest }).problems;

describe("digest config", () => {
  it("defaults", () => {
    assert.deepEqual(digestOf(null), {
      enabled: true,
      schedule: "0 9 * * 1",
      timezone: "UTC",
      openWhenClean: false,
      mentionOwners: true,
      assignees: [],
      orgRepo: ".github",
      orgOldest: 10,
    });
  });

  it("reads every key", () => {
    const digest = digestOf({
      enabled: false,
      schedule: "30  7 * * 1-5",
      timezone: "europe/berlin",
      open_when_clean: true,
      mention_owners: false,
      assignees: ["alice", "Alice", "bob"],
      org_repo: "security-reports",
      org_oldest: 25,
    });
    assert.deepEqual(digest, {
      enabled: false,
      schedule: "30 7 * * 1-5",
      timezone: "Europe/Berlin",
      openWhenClean: true,
      mentionOwners: false,
      assignees: ["alice", "bob"],
      orgRepo: "security-reports",
      orgOldest: 25,
    });
  });

  it('org_repo "" means no organisation digest', () => assert.equal(digestOf({ org_repo: "" })?.orgRepo, ""));

  const rejected: Array<[string, unknown, ConfigProblem]> = [
    ["a 6-field cron", { schedule: "0 0 9 * * 1" }, { path: "digest.schedule", message: '"0 0 9 * * 1" has 6 fields: a cron expression has 5 (minute hour day-of-month month day-of-week)' }],
    ["a named weekday", { schedule: "0 9 * * MON" }, { path: "digest.schedule", message: '"0 9 * * MON": the day of week field "MON" may hold only digits, *, ",", - and /' }],
    ["a cron nickname", { schedule: "@weekly" }, { path: "digest.schedule", message: '"@weekly" has 1 fields: a cron expression has 5 (minute hour day-of-month month day-of-week)' }],
    ["a number as cron", { schedule: 9 }, { path: "digest.schedule", message: '9 is not a cron expression: write 5 fields, e.g. "0 9 * * 1"' }],
    ["an unknown zone", { timezone: "Mars/Olympus" }, { path: "digest.timezone", message: '"Mars/Olympus" is not an IANA time zone: use e.g. "Europe/Berlin" or "UTC"' }],
    ["an owner in org_repo", { org_repo: "acme/.github" }, { path: "digest.org_repo", message: '"acme/.github": write the repository name without the owner' }],
    ["a space in org_repo", { org_repo: "my repo" }, { path: "digest.org_repo", message: '"my repo" is not a repository name: write e.g. ".github", or "" for none' }],
    ["org_oldest 0", { org_oldest: 0 }, { path: "digest.org_oldest", message: "0 is not a whole number from 1 to 100" }],
    ["org_oldest 101", { org_oldest: 101 }, { path: "digest.org_oldest", message: "101 is not a whole number from 1 to 100" }],
    ["org_oldest as text", { org_oldest: "10" }, { path: "digest.org_oldest", message: '"10" is not a whole number from 1 to 100' }],
    ["an assignee with @", { assignees: ["@alice"] }, { path: "digest.assignees[0]", message: '"@alice": write it without "@"' }],
    ["a misspelt key", { open_when_clen: true }, { path: "digest.open_when_clen", message: 'unknown key (did you mean "open_when_clean"?)' }],
  ];
  for (const [name, digest, problem] of rejected) {
    it(`rejects ${name}`, () => assert.deepEqual(problemsOf(digest), [problem]));
  }

  it("cron accepts lists, ranges and steps", () => {
    assert.deepEqual(checkCron("*/15 8-17 1,15 * 1-5"), { value: "*/15 8-17 1,15 * 1-5" });
  });
});
