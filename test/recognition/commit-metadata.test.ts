// Dependabot's `updated-dependencies` YAML, with the messages dependabot/fetch-metadata tests against.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCommitMetadata } from "../../src/domain/recognition/dependabot-commit-metadata.js";

const message = (...yaml: string[]): string =>
  [
    "Bumps [coffee-rails](https://github.com/rails/coffee-rails) from 4.0.1 to 4.2.2.",
    "- [Release notes](https://github.com/rails/coffee-rails/releases)",
    "",
    "---",
    ...yaml,
    "...",
    "",
    "Signed-off-by: dependabot[bot] <support@github.com>",
  ].join("\n");

describe("parseCommitMetadata", () => {
  it("reads one dependency", () => {
    const parsed = parseCommitMetadata(
      message("updated-dependencies:", "- dependency-name: coffee-rails", "  dependency-type: direct:production", "  update-type: version-update:semver-minor"),
    );
    assert.deepEqual(parsed, [{ name: "coffee-rails", version: null, dependencyType: "direct:production", updateType: "minor", group: null }]);
  });

  it("reads several, with versions and groups", () => {
    const parsed = parseCommitMetadata(
      message(
        "updated-dependencies:",
        "- dependency-name: cloud.google.com/go/kms",
        "  dependency-version: 1.30.0",
        "  dependency-type: direct:production",
        "  update-type: version-update:semver-minor",
        "  dependency-group: all-go",
        "- dependency-name: coffeescript",
        "  dependency-type: indirect",
        "  update-type: version-update:semver-patch",
      ),
    );
    assert.deepEqual(parsed, [
      { name: "cloud.google.com/go/kms", version: "1.30.0", dependencyType: "direct:production", updateType: "minor", group: "all-go" },
      { name: "coffeescript", version: null, dependencyType: "indirect", updateType: "patch", group: null },
    ]);
  });

  it("keeps versions and quoted names as text", () => {
    const parsed = parseCommitMetadata(message("updated-dependencies:", '- dependency-name: "@types/node"', "  dependency-version: 1.10", "  dependency-type: direct:development"));
    assert.equal(parsed[0]?.name, "@types/node");
    assert.equal(parsed[0]?.version, "1.10");
    assert.equal(parsed[0]?.updateType, null);
  });

  it("reads only the first fragment, as fetch-metadata does", () => {
    const text = [
      message("updated-dependencies:", "- dependency-name: coffee-rails", "  update-type: version-update:semver-minor"),
      "---",
      "updated-dependencies:",
      "- dependency-name: coffeescript",
      "...",
      "",
    ].join("\n");
    assert.deepEqual(parseCommitMetadata(text).map((entry) => entry.name), ["coffee-rails"]);
  });

  it("handles names with slashes and CRLF line ends", () => {
    const text = message("updated-dependencies:", "- dependency-name: rails/coffee", "  update-type: version-update:semver-major").replace(/\n/g, "\r\n");
    assert.deepEqual(parseCommitMetadata(text).map((entry) => [entry.name, entry.updateType]), [["rails/coffee", "major"]]);
  });

  it("returns nothing for messages without a fragment, broken YAML or odd shapes", () => {
    assert.deepEqual(parseCommitMetadata(""), []);
    assert.deepEqual(parseCommitMetadata("Bumps x from 1 to 2.\n\nSigned-off-by: dependabot[bot]"), []);
    assert.deepEqual(parseCommitMetadata(message("updated-dependencies: [unclosed")), []);
    assert.deepEqual(parseCommitMetadata(message("updated-dependencies: just a string")), []);
    assert.deepEqual(parseCommitMetadata(message("updated-dependencies:", "- dependency-type: indirect", "- 42")), []);
  });
});
