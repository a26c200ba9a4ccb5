// recognise() as a whole: identity before looks, when commits are needed, and that no text makes it throw.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DEFAULT_BOT_IDENTITIES } from "../../src/domain/bot-identity.js";
import { recognise } from "../../src/domain/recognise.js";
import type { CommitInfo, PullRequestFacts, Recognition } from "../../src/domain/types.js";
import { DEPENDABOT, RENOVATE } from "../fixtures/recognition-cases.js";

const base = (overrides: Partial<PullRequestFacts>): PullRequestFacts => ({
  title: "",
  body: "",
  headRef: "",
  author: DEPENDABOT,
  labels: [],
  ...overrides,
});

const yamlCommit = (updateType: string, author: string | null = "dependabot[bot]", verified = true): CommitInfo => ({
  message: `Bump x\n\n---\nupdated-dependencies:\n- dependency-name: x\n  dependency-version: 2.0.0\n  update-type: version-update:${updateType}\n...\n`,
  authorLogin: author,
  verified,
});

describe("recognise: when commits are needed", () => {
  it("asks for commits only when Dependabot's title and body leave the update open", () => {
    const open = recognise(base({ title: "Bump x", headRef: "dependabot/npm_and_yarn/x-2.0.0" }), DEFAULT_BOT_IDENTITIES);
    assert.equal(open.kind === "update" && open.needsCommits, true);
    const known = recognise(base({ title: "Bump x from 1.0.0 to 2.0.0", headRef: "dependabot/npm_and_yarn/x-2.0.0" }), DEFAULT_BOT_IDENTITIES);
    assert.equal(known.kind === "update" && known.needsCommits, false);
  });

  it("never asks again once commits are there, even if they say nothing", () => {
    const recognition = recognise(base({ title: "Bump x", headRef: "dependabot/npm_and_yarn/x-2.0.0", commits: [] }), DEFAULT_BOT_IDENTITIES);
    assert.equal(recognition.kind === "update" && recognition.needsCommits, false);
  });

  it("fills the gaps from Dependabot's own verified commit", () => {
    const recognition = recognise(base({ title: "Bump x", headRef: "dependabot/npm_and_yarn/x-2.0.0", commits: [yamlCommit("semver-major")] }), DEFAULT_BOT_IDENTITIES);
    assert.deepEqual(recognition.kind === "update" && [recognition.update.packages, recognition.update.updateType], [[{ name: "x", from: null, to: "2.0.0" }], "major"]);
  });

  it("does not let a pushed commit decide the update type", () => {
    for (const commit of [yamlCommit("semver-patch", "mallory"), yamlCommit("semver-patch", "dependabot[bot]", false), yamlCommit("semver-patch", null)]) {
      const recognition = recognise(base({ title: "Bump x", headRef: "dependabot/npm_and_yarn/x-2.0.0", commits: [commit] }), DEFAULT_BOT_IDENTITIES);
      assert.equal(recognition.kind === "update" && recognition.update.updateType, "other");
    }
  });

  it("does not override versions the title states", () => {
    const recognition = recognise(base({ title: "Bump x from 1.0.0 to 1.0.1", headRef: "dependabot/npm_and_yarn/x-1.0.1", commits: [yamlCommit("semver-major")] }), DEFAULT_BOT_IDENTITIES);
    assert.equal(recognition.kind === "update" && recognition.update.updateType, "patch");
  });

  it("never asks for Renovate's commits", () => {
    const recognition = recognise(base({ title: "Update pyo3", author: RENOVATE }), DEFAULT_BOT_IDENTITIES);
    assert.equal(recognition.kind === "update" && recognition.needsCommits, false);
  });
});

describe("recognise: identity decides", () => {
  it("reports a bot's PR as an update even when it looks like nothing known", () => {
    const recognition = recognise(base({ title: "Something new from Dependabot", headRef: "weird" }), DEFAULT_BOT_IDENTITIES);
    assert.deepEqual(recognition, {
      kind: "update",
      update: { bot: "dependabot", ecosystem: null, directory: null, packages: [], updateType: "other", security: false, advisories: [], severity: null, grouped: false },
      needsCommits: true,
    });
  });

  it("reads a Renovate-titled PR from Dependabot as Dependabot's (identity, not format)", () => {
    const recognition = recognise(base({ title: "Update dependency x to v2", headRef: "dependabot/npm_and_yarn/x-2" }), DEFAULT_BOT_IDENTITIES);
    assert.equal(recognition.kind === "update" && recognition.update.bot, "dependabot");
  });
});

describe("recognise: never throws", () => {
  const identities = DEFAULT_BOT_IDENTITIES;
  const authors = [DEPENDABOT, RENOVATE, { login: "alice", id: 5, type: "User" }];

  it("degrades to a bare update when reading fails", () => {
    const exploding = {
      get message(): string {
        throw new Error("boom");
      },
      authorLogin: "dependabot[bot]",
      verified: true,
    } as CommitInfo;
    const recognition = recognise(base({ title: "Bump x", headRef: "dependabot/npm_and_yarn/x-2", commits: [exploding] }), identities);
    assert.deepEqual(recognition, {
      kind: "update",
      update: { bot: "dependabot", ecosystem: null, directory: null, packages: [], updateType: "other", security: false, advisories: [], severity: null, grouped: false },
      needsCommits: false,
    });
  });

  it("survives facts that are not what the types promise", () => {
    const broken = { title: null, body: undefined, headRef: 3, author: { login: "dependabot[bot]" }, labels: "x" } as unknown as PullRequestFacts;
    assert.equal(recognise(broken, identities).kind, "update");
    assert.deepEqual(recognise({} as PullRequestFacts, identities), { kind: "not-a-bot-pr" });
  });

  const nasty: Array<[string, string, string]> = [
    ["empty", "", ""],
    ["calendar versions", "Bump certifi from 2024.01.15 to 2025.01.01", "| Package | Change |\n|---|---|\n| certifi | `2024.01.15` -> `2025.01.01` |"],
    ["SHAs and Docker tags", "Update node:20-alpine Docker digest to sha256:abc", "| node | `20-alpine@sha256:1` → `20-alpine@sha256:2` |"],
    ["unicode", "Bump 🦄-\u202e-ünïcödé from \u0000 to 𝟙.𝟚", "Bumps [𝔵](\u2028) from 1 to 2.\n\u202e<details>"],
    ["only separators", "Bump  from  to ", "|||||||\n|---|\n||||\n```\n<details><details></details>"],
    ["unbalanced markup", "Update  to ", "<details><summary>".repeat(2_000) + "</details>".repeat(10)],
    ["regex bait in the title", "Bump " + "a ".repeat(20_000) + "from " + "1 ".repeat(20_000) + "to", ""],
    ["a huge body", "Bump x from 1.0.0 to 2.0.0", ("| Package | From | To |\n| [x](y) | `1` | `2` |\n" + "Updates `x` from 1 to 2\n" + "CVE-2020-1234 ".repeat(20) + "\n").repeat(20_000)],
    ["a huge single line", "Update dependency x to v1", "`".repeat(300_000) + "->" + "|".repeat(300_000)],
  ];
  for (const [name, title, body] of nasty) {
    it(`handles ${name} quickly`, () => {
      for (const author of authors) {
        const started = performance.now();
        let recognition: Recognition | undefined;
        assert.doesNotThrow(() => {
          recognition = recognise(base({ title, body, author, headRef: "dependabot/npm_and_yarn/x", labels: ["security"] }), identities);
        });
        assert.ok(recognition);
        assert.ok(performance.now() - started < 2_000, `${name} took ${Math.round(performance.now() - started)} ms`);
      }
    });
  }

  it("survives random text (seeded)", () => {
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const alphabet = ["Bump ", "Update ", " from ", " to ", " in /", "`", "|", "\n", "[", "](", ")", "<details>", "</details>", "v1.2.3", "2024.01.15", "cff701b", "GHSA-", "CVE-", "-", ".", " group", "🦄", "\u202e"];
    for (let round = 0; round < 300; round += 1) {
      const text = (length: number): string => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      const facts = base({ title: text(12), body: text(200), headRef: "dependabot/" + text(3), author: authors[round % 3] ?? DEPENDABOT });
      assert.doesNotThrow(() => recognise(facts, identities), JSON.stringify(facts));
    }
  });
});
