import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDependabotBody } from "../../src/domain/recognition/dependabot-body.js";
import { parseDependabotTitle } from "../../src/domain/recognition/dependabot-title.js";
import { withoutDetails } from "../../src/domain/recognition/markdown-text.js";
import { parseRenovateTable } from "../../src/domain/recognition/renovate-body-table.js";
import { parseRenovateTitle } from "../../src/domain/recognition/renovate-title.js";
import { stripTitle } from "../../src/domain/recognition/title-prefix.js";

describe("stripTitle", () => {
  const table: Array<[string, string, boolean]> = [
    ["build(deps): bump x from 1 to 2", "bump x from 1 to 2", false],
    ["chore(deps-dev): Bump x from 1 to 2", "Bump x from 1 to 2", false],
    ["fix(deps)!: update dependency x to v2", "update dependency x to v2", false],
    ["deps: Bump x from 1 to 2", "Bump x from 1 to 2", false],
    ["Upgrade: [Security] Bump x from 1 to 2", "Bump x from 1 to 2", true],
    [":arrow_up::lock: Bump x from 1 to 2", "Bump x from 1 to 2", true],
    ["⬆️ Bump x from 1 to 2", "Bump x from 1 to 2", false],
    ["Update dependency x to v2 [SECURITY]", "Update dependency x to v2", true],
    ["chore(deps): update dependency x to v2 [security] (#42)", "update dependency x to v2", true],
    ["Update dependency x to v2 - abandoned", "Update dependency x to v2", false],
    ["  Bump   x  from 1   to 2 ", "Bump x from 1 to 2", false],
    ["Bump org.springframework:spring-core from 5.3.0 to 6.0.0", "Bump org.springframework:spring-core from 5.3.0 to 6.0.0", false],
    // Configured prefixes: bracketed tags, emoji, shortcodes, a bare word with a colon.
    ["[Snyk] Upgrade x from 1 to 2", "Upgrade x from 1 to 2", false],
    ["[deps]: Bump x from 1 to 2", "Bump x from 1 to 2", false],
    ["[bot] chore(deps): bump x from 1 to 2", "bump x from 1 to 2", false],
    ["🆙 Update dependency some-dep to 1.2.0", "Update dependency some-dep to 1.2.0", false],
    [":seedling: Bump x from 1 to 2", "Bump x from 1 to 2", false],
    ["PATCH: Update dependency some-dep to 1.2.0", "Update dependency some-dep to 1.2.0", false],
    ["chore(deps): [security] bump x from 1 to 2", "bump x from 1 to 2", true],
  ];
  for (const [title, text, securityMarker] of table) {
    it(JSON.stringify(title), () => assert.deepEqual(stripTitle(title), { text, securityMarker }));
  }
});

describe("parseDependabotTitle", () => {
  it("reads the group title with directory and count", () => {
    assert.deepEqual(parseDependabotTitle("Bump the npm_and_yarn group across 2 directories with 5 updates"), {
      packages: [],
      directory: null,
      group: "npm_and_yarn",
      directoryCount: 2,
    });
    assert.deepEqual(parseDependabotTitle("Bump the x group in /dir with 1 update"), { packages: [], directory: "/dir", group: "x", directoryCount: null });
  });
  it("reads the clauses Dependabot appends, in order", () => {
    assert.deepEqual(parseDependabotTitle("Bump uuid from 11.1.0 to 14.0.0 in /docs in the npm_and_yarn group across 1 directory"), {
      packages: [{ name: "uuid", from: "11.1.0", to: "14.0.0" }],
      directory: "/docs",
      group: "npm_and_yarn",
      directoryCount: 1,
    });
  });
  it("reads multi-package titles", () => {
    assert.deepEqual(parseDependabotTitle("Bump a, b and c")?.packages.map((change) => change.name), ["a", "b", "c"]);
    assert.deepEqual(parseDependabotTitle("Update requirements for a and b in /lib")?.directory, "/lib");
  });
  it("is null for other words", () => {
    assert.equal(parseDependabotTitle("Update dependency x to v2"), null);
    assert.equal(parseDependabotTitle("Add feature"), null);
  });
});

describe("parseDependabotBody", () => {
  it("ignores Bumps lines inside release notes", () => {
    const body = "Bumps [a](u) from 1.0.0 to 1.0.1.\n<details>\n<summary>Release notes</summary>\nBumps [b](u) from 1.0.0 to 2.0.0.\n</details>";
    assert.deepEqual(parseDependabotBody(body).packages, [{ name: "a", from: "1.0.0", to: "1.0.1" }]);
  });
  it("keeps each directory's copy of a dependency once", () => {
    const body = "| Package | From | To |\n| --- | --- | --- |\n| [b6](u) | `0.4.2` | `0.5.4` |\n| [b6](u) | `0.4.2` | `0.5.4` |\n| [b6](u) | `0.4.2` | `1.5.0` |\n| [r](u) | `1.7.0` | `removed` |";
    assert.deepEqual(parseDependabotBody(body).packages, [
      { name: "b6", from: "0.4.2", to: "0.5.4" },
      { name: "b6", from: "0.4.2", to: "1.5.0" },
      { name: "r", from: "1.7.0", to: null },
    ]);
  });
  it("collects directories", () => {
    const body = "Bumps the g group with 1 update in the /foo directory: [a](u).\nBumps the g group with 1 update in the /bar directory: [b](u).";
    assert.deepEqual(parseDependabotBody(body).directories, ["/foo", "/bar"]);
  });
});

describe("parseRenovateTitle", () => {
  it("reads topics", () => {
    assert.deepEqual(parseRenovateTitle("Update module github.com/x/y to v1.4.0"), {
      packages: [{ name: "github.com/x/y", from: null, to: "1.4.0" }],
      updateType: null,
      ecosystem: "gomod",
      group: false,
    });
    assert.deepEqual(parseRenovateTitle("Update babel monorepo to v7.24.0"), { packages: [], updateType: null, ecosystem: null, group: true });
    assert.deepEqual(parseRenovateTitle("Update dependency eslint to v9"), {
      packages: [{ name: "eslint", from: null, to: "9" }],
      updateType: "major",
      ecosystem: null,
      group: false,
    });
    assert.equal(parseRenovateTitle("Update pre-commit hook psf/black to v24")?.packages[0]?.name, "psf/black");
    assert.equal(parseRenovateTitle("update dependency x to 1.2.3")?.updateType, null);
  });
  it("reads Renovate's configurable phrasing", () => {
    const one = (title: string) => parseRenovateTitle(title);
    // renovatebot/renovate lib/workers/repository/updates/generate.spec.ts
    assert.deepEqual(one("update dependency some-dep v1.2.0")?.packages, [{ name: "some-dep", from: null, to: "1.2.0" }]);
    assert.deepEqual(one("unlock and update rust crate serde to 1.0.200")?.packages, [{ name: "serde", from: null, to: "1.0.200" }]);
    assert.equal(one("unlock and update rust crate serde to 1.0.200")?.ecosystem, "cargo");
    assert.deepEqual(one("update plugin com.example.gradle to v2"), { packages: [{ name: "com.example.gradle", from: null, to: "2" }], updateType: "major", ecosystem: "gradle", group: false });
    assert.deepEqual(one("update terraform aws to ~> 3.1.0")?.packages, [{ name: "aws", from: null, to: "3.1.0", range: true }]);
    assert.deepEqual(one("update devdependency eslint to v9")?.packages, [{ name: "eslint", from: null, to: "9" }]);
    assert.deepEqual(one("Update Helm release cert-manager to v1.2.3 (main)"), { packages: [{ name: "cert-manager", from: null, to: "1.2.3" }], updateType: null, ecosystem: "helm", group: false });
    assert.deepEqual(one("Update dependency lodash to v4.17.21 (.gitmodules) (master)")?.group, false);
    assert.deepEqual(one("Update all non-major dependencies (minor)"), { packages: [], updateType: "minor", ecosystem: null, group: true });
    assert.deepEqual(one("Bump x from 1 to 2")?.packages, [{ name: "x", from: "1", to: "2" }]);
    assert.deepEqual(one("Replace dependency request with got v11.8.2")?.packages, [
      { name: "request", from: null, to: null, replacedBy: "got" },
      { name: "got", from: null, to: "11.8.2" },
    ]);
  });
  it("is null for other words", () => {
    assert.equal(parseRenovateTitle("Add feature"), null);
  });
});

describe("parseRenovateTable", () => {
  it("reads datasources from diff links and badges, in order", () => {
    const body = "| Package | Change | Age |\n|---|---|---|\n| a | [`1` -> `2`](https://renovatebot.com/diffs/npm/a/1/2) | ![age](https://developer.mend.io/api/mc/badges/age/npm/a/2?slim=true) |\n| b | `1` -> `2` | ![age](https://developer.mend.io/api/mc/badges/age/pypi/b/2?slim=true) |";
    const table = parseRenovateTable(body);
    assert.deepEqual(table.datasources, ["npm", "pypi"]);
    assert.deepEqual(table.rows.map((row) => row.packages), [[{ name: "a", from: "1", to: "2" }], [{ name: "b", from: "1", to: "2" }]]);
  });
  it("reads a change with only a new value", () => {
    const table = parseRenovateTable("| Package | Change |\n|---|---|\n| koa | `1.7.0` |");
    assert.deepEqual(table.rows[0]?.packages, [{ name: "koa", from: null, to: "1.7.0" }]);
  });
  it("is empty without the updates table", () => {
    assert.deepEqual(parseRenovateTable("| Dependency | From | To |\n|---|---|---|\n| workerd | 1 | 2 |"), { rows: [], datasources: [], linkedEcosystems: [] });
  });
});

describe("withoutDetails", () => {
  it("drops nested blocks whole and keeps accepted ones", () => {
    const text = "a<details><summary>Release notes</summary>b<details><summary>x</summary>c</details>d</details>e<details>\n<summary>More information</summary>f</details>g";
    assert.equal(withoutDetails(text, (summary) => summary === "More information"), "ae<details>\n<summary>More information</summary>f</details>g");
  });
  it("drops an unclosed block to the end", () => {
    assert.equal(withoutDetails("keep<details><summary>Commits</summary>never closed"), "keep");
  });
  it("ignores stray closing tags", () => {
    assert.equal(withoutDetails("a</details>b"), "a</details>b");
  });
});
