import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { codeownersFor, parseCodeowners } from "../../../src/domain/codeowners.js";

const ownersOf = (file: string, path: string): string[] => codeownersFor(parseCodeowners(file), path);

// Examples from GitHub's "About code owners" page, one rule set per case so each rule is seen on its own.
describe("codeownersFor on GitHub's documented examples", () => {
  const cases: Array<{ name: string; file: string; path: string; owners: string[] }> = [
    { name: "* owns everything", file: "*       @global-owner1 @global-owner2", path: "README.md", owners: ["@global-owner1", "@global-owner2"] },
    { name: "* owns nested files", file: "* @global-owner1", path: "a/b/c.txt", owners: ["@global-owner1"] },
    { name: "the last match wins, inline comment ignored", file: "* @global-owner1\n*.js    @js-owner #This is an inline comment.", path: "src/app.js", owners: ["@js-owner"] },
    { name: "an earlier match loses only where the later one matches", file: "* @global-owner1\n*.js @js-owner", path: "src/app.ts", owners: ["@global-owner1"] },
    { name: "emails are dropped and still win the match", file: "* @global-owner1\n*.go docs@example.com", path: "cmd/main.go", owners: [] },
    { name: "teams", file: "*.txt @octo-org/octocats", path: "notes/a.txt", owners: ["@octo-org/octocats"] },
    { name: "/build/logs/ owns the root directory", file: "/build/logs/ @doctocat", path: "build/logs/x.log", owners: ["@doctocat"] },
    { name: "/build/logs/ owns its subdirectories", file: "/build/logs/ @doctocat", path: "build/logs/deep/x.log", owners: ["@doctocat"] },
    { name: "/build/logs/ is anchored to the root", file: "/build/logs/ @doctocat", path: "src/build/logs/x.log", owners: [] },
    { name: "docs/* owns direct children", file: "docs/*  @writer", path: "docs/getting-started.md", owners: ["@writer"] },
    { name: "docs/* does not own nested files", file: "docs/*  @writer", path: "docs/build-app/troubleshooting.md", owners: [] },
    { name: "apps/ owns an apps directory anywhere", file: "apps/ @octocat", path: "deep/er/apps/web/package.json", owners: ["@octocat"] },
    { name: "apps/ owns the root apps directory", file: "apps/ @octocat", path: "apps/package.json", owners: ["@octocat"] },
    { name: "/docs/ owns the root docs tree", file: "/docs/ @doctocat", path: "docs/a/b.md", owners: ["@doctocat"] },
    { name: "/docs/ does not own a nested docs directory", file: "/docs/ @doctocat", path: "site/docs/a.md", owners: [] },
    { name: "/scripts/ with two owners", file: "/scripts/ @doctocat @octocat", path: "scripts/deploy.sh", owners: ["@doctocat", "@octocat"] },
    { name: "**/logs at any depth", file: "**/logs @octocat", path: "deeply/nested/logs/x", owners: ["@octocat"] },
    { name: "**/logs at the root", file: "**/logs @octocat", path: "logs/x", owners: ["@octocat"] },
    { name: "a pattern without owners un-owns", file: "/apps/ @octocat\n/apps/github", path: "apps/github/package.json", owners: [] },
    { name: "un-owning leaves siblings owned", file: "/apps/ @octocat\n/apps/github", path: "apps/web/package.json", owners: ["@octocat"] },
    { name: "a later line re-owns", file: "/apps/ @octocat\n/apps/github @doctocat", path: "apps/github/package.json", owners: ["@doctocat"] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(ownersOf(c.file, c.path), c.owners));
  }
});

describe("codeownersFor pattern details", () => {
  const cases: Array<[pattern: string, path: string, matches: boolean]> = [
    ["package.json", "package.json", true],
    ["package.json", "web/package.json", true],
    ["package.json", "package.json5", false],
    ["/package.json", "web/package.json", false],
    ["web/package.json", "web/package.json", true],
    ["web/package.json", "x/web/package.json", false],
    ["f?o.txt", "foo.txt", true],
    ["f?o.txt", "fo.txt", false],
    ["f?o.txt", "f/o.txt", false],
    ["src/**/*.ts", "src/a/b/c.ts", true],
    ["src/**/*.ts", "src/c.ts", true],
    ["src/**", "src/a/b", true],
    ["src/**", "src", false],
    ["/*", "README.md", true],
    ["/*", "docs/README.md", false],
    ["*.JS", "app.js", false],
    ["a.b", "axb", false],
    ["my\\ file.txt", "my file.txt", true],
  ];
  for (const [pattern, path, matches] of cases) {
    it(`${pattern} ${matches ? "matches" : "does not match"} ${path}`, () => {
      assert.deepEqual(ownersOf(`${pattern} @owner`, path), matches ? ["@owner"] : []);
    });
  }

  it("ignores a leading / or ./ in the path", () => {
    assert.deepEqual(ownersOf("/web/ @web", "/web/package.json"), ["@web"]);
    assert.deepEqual(ownersOf("/web/ @web", "./web/package.json"), ["@web"]);
  });
});

describe("parseCodeowners", () => {
  it("skips comments, blank lines, a BOM and CRLF endings", () => {
    const entries = parseCodeowners("\uFEFF# owners\r\n\r\n*.js @js # inline\r\n   \r\n/docs/ @doc\r\n");
    assert.deepEqual(entries, [
      { pattern: "*.js", owners: ["@js"], line: 3 },
      { pattern: "/docs/", owners: ["@doc"], line: 5 },
    ]);
  });

  it("skips what GitHub does not support rather than guess: negation and character ranges", () => {
    const entries = parseCodeowners("* @all\n!*.md @nobody\n[abc].txt @range");
    assert.deepEqual(entries.map((e) => e.pattern), ["*"]);
    assert.deepEqual(ownersOf("* @all\n!*.md @nobody", "README.md"), ["@all"]);
  });

  it("keeps @user and @org/team owners as written, drops emails and garbage", () => {
    const [entry] = parseCodeowners("* @Alice @acme/Web-Team bob@example.com plain <x>");
    assert.deepEqual(entry?.owners, ["@Alice", "@acme/Web-Team"]);
  });
});
