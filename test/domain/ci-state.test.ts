import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ciStateOf, type CiRun } from "../../src/domain/ci-state.js";

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

describe("ciStateOf with commit statuses and required checks", () => {
  const green = [run(1, "build", "completed", "success")];
  const own = { slug: "merge-discipline", checkNames: ["merge-discipline", "merge-discipline gate"] };
  const table: Array<[string, Parameters<typeof ciStateOf>[0], string]> = [
    ["a red commit status fails a green check run", { runs: green, statuses: [{ context: "ci/jenkins", state: "failure" }] }, "failing"],
    ["an errored status fails it", { runs: green, statuses: [{ context: "ci/jenkins", state: "error" }] }, "failing"],
    ["a pending status keeps it pending", { runs: green, statuses: [{ context: "ci/jenkins", state: "pending" }] }, "pending"],
    ["statuses alone can pass it", { runs: [], statuses: [{ context: "ci/jenkins", state: "success" }] }, "passing"],
    ["a newer status of a context replaces the older (newest first)", { runs: [], statuses: [{ context: "ci", state: "success" }, { context: "ci", state: "failure" }] }, "passing"],
    ["a required check that has not reported is pending, not green", { runs: green, required: [{ context: "ci/jenkins", appId: null }] }, "pending"],
    ["nothing reported but something required is pending", { runs: [], required: [{ context: "build", appId: null }] }, "pending"],
    ["a required context reported as a status", { runs: green, statuses: [{ context: "ci/jenkins", state: "success" }], required: [{ context: "ci/jenkins", appId: null }] }, "passing"],
    ["a required check run from the required app", { runs: [{ ...run(1, "build", "completed", "success"), appId: 15368 }], required: [{ context: "build", appId: 15368 }] }, "passing"],
    ["a required check run from another app does not count", { runs: [{ ...run(1, "build", "completed", "success"), appId: 99 }], required: [{ context: "build", appId: 15368 }] }, "pending"],
    ["a required context with an app is not met by a status", { runs: [], statuses: [{ context: "build", state: "success" }], required: [{ context: "build", appId: 15368 }] }, "pending"],
    ["neutral and skipped runs pass, as GitHub lets them", { runs: [run(1, "a", "completed", "neutral"), run(2, "b", "completed", "skipped")] }, "passing"],
    ["a stale run is not green", { runs: [run(1, "a", "completed", "stale")] }, "pending"],
    ["the app's own runs are left out", { runs: [run(1, "merge-discipline", "completed", "failure", "merge-discipline")], ownApp: own }, "unknown"],
    ["the app's own check is never waited for, even when required", { runs: green, required: [{ context: "merge-discipline gate", appId: null }], ownApp: own }, "passing"],
  ];
  for (const [name, reports, expected] of table) it(name, () => assert.equal(ciStateOf(reports), expected));
});
