import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { factsFromRestPullRequest, MalformedPullRequestError } from "../../src/domain/pull-request-facts.js";

function restPullRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    number: 7861,
    title: "Bump regex from 1.9.5 to 1.9.6",
    body: "Bumps [regex](https://github.com/rust-lang/regex) from 1.9.5 to 1.9.6.",
    head: { ref: "dependabot/cargo/regex-1.9.6", sha: "0123456789abcdef0123456789abcdef01234567" },
    user: { login: "dependabot[bot]", id: 49699333, type: "Bot", site_admin: false },
    labels: [{ id: 1, name: "dependencies", color: "0366d6" }, { id: 2, name: "rust" }],
    ...overrides,
  };
}

describe("factsFromRestPullRequest", () => {
  it("keeps only what recognition reads", () => {
    assert.deepEqual(factsFromRestPullRequest(restPullRequest()), {
      title: "Bump regex from 1.9.5 to 1.9.6",
      body: "Bumps [regex](https://github.com/rust-lang/regex) from 1.9.5 to 1.9.6.",
      headRef: "dependabot/cargo/regex-1.9.6",
      author: { login: "dependabot[bot]", id: 49699333, type: "Bot" },
      labels: ["dependencies", "rust"],
    });
  });

  it("reads a null body as empty", () => {
    assert.equal(factsFromRestPullRequest(restPullRequest({ body: null })).body, "");
  });

  const broken: Array<[string, unknown, string]> = [
    ["not an object", null, "pull request JSON: must be an object"],
    ["an array", [], "pull request JSON: must be an object"],
    ["title missing", restPullRequest({ title: undefined }), 'pull request JSON: "title" must be a string'],
    ["title a number", restPullRequest({ title: 42 }), 'pull request JSON: "title" must be a string'],
    ["body missing", restPullRequest({ body: undefined }), 'pull request JSON: "body" must be a string or null'],
    ["head missing", restPullRequest({ head: undefined }), 'pull request JSON: "head" must be an object'],
    ["head.ref a number", restPullRequest({ head: { ref: 1 } }), 'pull request JSON: "head.ref" must be a string'],
    ["user null", restPullRequest({ user: null }), 'pull request JSON: "user" must be an object'],
    ["user.login missing", restPullRequest({ user: { id: 1, type: "User" } }), 'pull request JSON: "user.login" must be a string'],
    ["user.id a string", restPullRequest({ user: { login: "a", id: "1", type: "User" } }), 'pull request JSON: "user.id" must be a whole number'],
    ["user.id fractional", restPullRequest({ user: { login: "a", id: 1.5, type: "User" } }), 'pull request JSON: "user.id" must be a whole number'],
    ["user.type missing", restPullRequest({ user: { login: "a", id: 1 } }), 'pull request JSON: "user.type" must be a string'],
    ["labels missing", restPullRequest({ labels: undefined }), 'pull request JSON: "labels" must be an array'],
    ["a label not an object", restPullRequest({ labels: [{ name: "a" }, "b"] }), 'pull request JSON: "labels[1]" must be an object'],
    ["a label without a name", restPullRequest({ labels: [{ name: "a" }, { id: 3 }] }), 'pull request JSON: "labels[1].name" must be a string'],
  ];
  for (const [name, json, message] of broken) {
    it(`rejects ${name}`, () => {
      assert.throws(
        () => factsFromRestPullRequest(json),
        (error: unknown) => error instanceof MalformedPullRequestError && error.message === message && error.name === "MalformedPullRequestError",
      );
    });
  }
});
