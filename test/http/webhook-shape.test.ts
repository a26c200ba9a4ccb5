import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { webhookShapeProblem } from "../../src/http/webhook-shape.js";

const repository = { id: 7, full_name: "acme/api", default_branch: "main", owner: { login: "acme" } };
const sender = { login: "maria", type: "User" };
const comment = { id: 1, body: "/merge-discipline status", user: sender };

describe("webhookShapeProblem", () => {
  it("names what is missing or of the wrong type", () => {
    const cases: Array<[string, unknown, string | null]> = [
      ["pull_request", 1, "the payload is a JSON number, not an object"],
      ["pull_request", null, "the payload is null, not an object"],
      ["pull_request", [], "the payload is a JSON array, not an object"],
      ["pull_request", { action: "opened", pull_request: { number: 1 } }, "repository is missing"],
      ["pull_request", { action: "opened", repository: { ...repository, id: "7" }, pull_request: { number: 1 } }, "repository.id is a string, not a number"],
      ["pull_request", { action: "opened", repository, installation: { id: 1 }, pull_request: { number: 1 } }, null],
      ["pull_request", { action: "opened", repository, installation: null, pull_request: { number: 1 } }, null],
      ["pull_request", { action: "opened", repository, installation: "1", pull_request: { number: 1 } }, "installation is a string, not an object"],
      ["issue_comment", { action: "created", repository, comment, sender }, "issue is missing"],
      ["issue_comment", { action: "created", repository, issue: { number: 3 }, comment, sender }, null],
      ["issue_comment", { action: "created", repository, issue: { number: 3 }, comment: { ...comment, body: null }, sender }, "comment.body is null, not a string"],
      ["check_run", { action: "completed", repository, sender, check_run: { name: "b", head_sha: "a", pull_requests: [{ number: 1 }, { number: "2" }] } }, "check_run.pull_requests[1].number is a string, not a number"],
      ["status", { repository, sha: "abc" }, null],
      ["installation", { action: "created", installation: { id: 1 }, repositories: [{ id: 2 }] }, "repositories[0].full_name is missing"],
      ["installation", { action: "deleted", installation: { id: 1 } }, null],
      ["repository", { action: "renamed", repository, changes: { repository: { name: { from: 5 } } } }, "changes.repository.name.from is a number, not a string"],
      ["star", { action: "created" }, null],
    ];
    for (const [event, payload, problem] of cases) assert.equal(webhookShapeProblem(event, payload), problem, `${event} ${JSON.stringify(payload)}`);
  });
});
