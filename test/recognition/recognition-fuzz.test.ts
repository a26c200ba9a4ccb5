// Recognition runs on every webhook and on whatever text a PR carries: thousands of generated titles and
// bodies — bot phrasing cut and shuffled, markdown and HTML fragments, long runs of the characters the
// patterns look for — must never throw and must always come back well typed. The input caps are checked
// here by what they do; how the time grows with the input is measured in bench/recognition-throughput.ts.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DEFAULT_BOT_IDENTITIES } from "../../src/domain/bot-identity.js";
import { recognise } from "../../src/domain/recognise.js";
import { MAX_TITLE } from "../../src/domain/recognition/input-bounds.js";
import { stripTitle } from "../../src/domain/recognition/title-prefix.js";
import type { Author, PullRequestFacts, Recognition } from "../../src/domain/types.js";

const AUTHORS: Author[] = [
  { login: "dependabot[bot]", id: 49699333, type: "Bot" },
  { login: "renovate[bot]", id: 29139614, type: "Bot" },
  { login: "octocat", id: 583231, type: "User" },
  { login: "release-bot[bot]", id: 77, type: "Bot" },
];
const TITLE_PARTS = [
  "Bump ", "bump ", "Update ", "update dependency ", "chore(deps): ", "[Security] ", " [SECURITY]", "⬆️ ", ":arrow_up: ",
  "[tag] ", "🔒", "lodash", "@types/node", "github.com/x/y", "org.example:artifact", " from ", " to ", "v1.2.3",
  "1.0.0", "~> 3.1", "^2", " in /frontend", " in the all group", " across 2 directories", " with 3 updates",
  " group", " (main)", " (#12)", " - autoclosed", " monorepo", " digest to ", "abc1234", " Docker tag", " and ",
  ", ", "Replace ", " with ", "Pin ", "Lock file maintenance", "Roll back ", "(", ")", "[", "]", ":", "`", " ",
  "\u200b", "&#8203;", "\n", "\u{1F600}", "\uD800",
];
const BODY_PARTS = [
  "Bumps [lodash](https://github.com/lodash/lodash) from 4.17.20 to 4.17.21.\n", "Updates `a` from 1 to 2\n",
  "Bumps the npm group with 2 updates in the / directory: [a](x) and [b](y).\n", "<details>", "</details>",
  "<details", "<summary>Release notes</summary>", "<summary>Vulnerabilities fixed</summary>", "\n",
  "| Package | Change |\n|---|---|\n", "| [a](https://renovatebot.com/diffs/npm/a/1.0.0/2.0.0) | `1.0.0` -> `2.0.0` |\n",
  "| Package | From | To |\n", "| --- | --- | --- |\n", "|", "[", "](", "`", "->", "→", "CVE-2021-44228 ",
  "GHSA-jfh8-c2jp-5v3q ", "#### Severity\n", "Severity: High\n", "CVSS Score: 9.8 / 10 (Critical)", "## Release Notes\n",
  "### Configuration\n", "@&#8203;scope/name", "&amp;", "&lt;", "---\nupdated-dependencies:\n",
  "- dependency-name: a\n  dependency-version: 2.0.0\n  update-type: version-update:semver-major\n", "...\n",
  "This update includes a security fix.", " ", "a".repeat(40),
];
const REFS = ["dependabot/npm_and_yarn/lodash-4.17.21", "renovate/lodash-4.x", "dependabot-npm_and_yarn-a-1", "main", "", "dependabot/"];

/** mulberry32: a fixed seed makes a failure reproducible. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function generated(next: () => number, index: number): PullRequestFacts {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const text = (parts: readonly string[], count: number): string => {
    let out = "";
    for (let i = 0; i < count; i++) out += next() < 0.05 ? pick(parts).repeat(1 + Math.floor(next() * 300)) : pick(parts);
    return out;
  };
  const facts: PullRequestFacts = {
    title: text(TITLE_PARTS, 1 + Math.floor(next() * 14)),
    body: next() < 0.2 ? "" : text(BODY_PARTS, Math.floor(next() * 40)),
    headRef: pick(REFS) + (next() < 0.3 ? text(TITLE_PARTS, 3) : ""),
    author: pick(AUTHORS),
    labels: next() < 0.3 ? ["dependencies", "security"] : [],
  };
  if (index % 3 === 0) {
    facts.commits = [{ message: text(BODY_PARTS, Math.floor(next() * 20)), authorLogin: "dependabot[bot]", verified: next() < 0.5 }];
  }
  return facts;
}

const UPDATE_TYPES = new Set(["major", "minor", "patch", "digest", "pin", "lockfile", "other"]);
const SEVERITIES = new Set(["critical", "high", "moderate", "low", null]);
const nullableString = (value: unknown): boolean => value === null || typeof value === "string";

function assertWellTyped(recognition: Recognition, label: string): void {
  if (recognition.kind === "not-a-bot-pr") return assert.deepEqual(Object.keys(recognition), ["kind"], label);
  if (recognition.kind === "impostor") {
    assert.ok(recognition.bot === "dependabot" || recognition.bot === "renovate", label);
    return assert.ok(typeof recognition.reason === "string" && recognition.reason.length > 0, label);
  }
  assert.equal(recognition.kind, "update", label);
  const update = recognition.update;
  assert.equal(typeof recognition.needsCommits, "boolean", label);
  assert.ok(update.bot === "dependabot" || update.bot === "renovate", label);
  assert.ok(nullableString(update.ecosystem) && nullableString(update.directory), label);
  assert.ok(UPDATE_TYPES.has(update.updateType), `${label}: updateType ${update.updateType}`);
  assert.ok(SEVERITIES.has(update.severity), label);
  assert.equal(typeof update.security, "boolean", label);
  assert.equal(typeof update.grouped, "boolean", label);
  assert.ok(update.advisories.every((id) => /^(?:GHSA(?:-[0-9a-z]{4}){3}|CVE-\d{4}-\d{4,})$/.test(id)), label);
  for (const change of update.packages) {
    assert.ok(typeof change.name === "string" && change.name.length > 0, `${label}: empty package name`);
    assert.ok(nullableString(change.from) && nullableString(change.to), label);
  }
}

describe("recognition on generated input", () => {
  it("never throws and always answers well typed, over 4,000 generated pull requests", () => {
    const next = random(20_261_203);
    for (let index = 0; index < 4_000; index++) {
      const facts = generated(next, index);
      const label = `case ${index}: ${JSON.stringify(facts.title.slice(0, 80))}`;
      assertWellTyped(recognise(facts, DEFAULT_BOT_IDENTITIES), label);
    }
  });

  it("reads no further than the title cap, however long the title", () => {
    const long = `Bump ${"x".repeat(2 * MAX_TITLE)} from 1.0.0 to 2.0.0`;
    assert.ok(stripTitle(long).text.length <= MAX_TITLE);
    assert.ok(stripTitle("Bump a".concat(" from".repeat(200_000))).text.length <= MAX_TITLE);
    const recognition = recognise(
      { title: long, body: "", headRef: "dependabot/npm_and_yarn/x-2.0.0", author: AUTHORS[0] as Author, labels: [] },
      DEFAULT_BOT_IDENTITIES,
    );
    assertWellTyped(recognition, "long title");
    // The versions sit past the cap, so they are not read; the bot and ecosystem still are.
    assert.equal(recognition.kind, "update");
    if (recognition.kind !== "update") return;
    assert.equal(recognition.update.ecosystem, "npm");
    assert.ok(recognition.update.packages.every((change) => change.from === null && change.to === null));
  });

  it("answers for the worst inputs found so far: a 1 MB title, unclosed <details and [ runs at the body cap", () => {
    const worst: Array<Partial<PullRequestFacts>> = [
      { title: "Bump a".concat(" from".repeat(200_000)) },
      { title: "Update ".concat("a:".repeat(500_000), " docker tag to 1") },
      { body: "<details".repeat(16_384) },
      { body: "Bumps the g group with 2 updates: ".concat("[".repeat(65_000)) },
      { body: "| Package | Change |\n|---|---|\n| a | ".concat("a".repeat(65_000), " |") },
      { body: "---\nupdated-dependencies:\n".repeat(5_000) },
    ];
    for (const author of AUTHORS) {
      for (const [index, partial] of worst.entries()) {
        const facts: PullRequestFacts = { title: "Bump a from 1 to 2", body: "", headRef: "x", author, labels: [], ...partial };
        assertWellTyped(recognise(facts, DEFAULT_BOT_IDENTITIES), `worst ${index} by ${author.login}`);
      }
    }
  });
});
