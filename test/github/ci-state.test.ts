import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ciStateOf, type CiRun } from "../../src/github/ci-state.js";

const run = (id: number, name: string, status: string, conclusion: string | null, app = "github-actions"): CiRun => ({ id, name, app, status, conclusion });

describe("ciStateOf", () => {
  const table: Array<[string, CiRun[], string]> = [
    ["no CI at all is unknown, never green", [], "unknown"],
    ["all finished and fine", [run(1, "build", "completed", "success"), run(2, "lint", "completed", "skipped")], "passing"],
    ["one failure fails it", [run(1, "build", "completed", "success"), run(2, "test", "completed", "failure")], "failing"],
    ["a timeout fails it", [run(1, "test", "completed", "timed_out")], "failing"],
    ["an unfinished run keeps it pending", [run(1, "build", "completed", "success"), run(2, "test", "in_progress", null)], "pending"],
    ["a green re-run replaces the red run of the same name", [run(1, "test", "completed", "failure"), run(5, "test", "completed", "success")], "passing"],
    ["another app's run of the same name is separate", [run(1, "test", "completed", "failure", "circleci"), run(5, "test", "completed", "success")], "failing"],
  ];
  for (const [name, runs, expected] of table) it(name, () => assert.equal(ciStateOf(runs), expected));
});
