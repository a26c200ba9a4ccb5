// Every case of the held-out set (test/fixtures/recognition-holdout.ts), one named subtest each, so a change
// that reads a real PR worse than before shows here. Once fixes were made against it the set is no longer
// held out; docs/HOW_IT_WORKS.md keeps the figure first measured.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertRecognitionCase } from "../fixtures/assert-recognition-case.js";
import { RECOGNITION_HOLDOUT_CASES } from "../fixtures/recognition-holdout.js";

describe("held-out recognition cases", () => {
  it("has at least 80 cases from both bots with unique names and a source each", () => {
    assert.ok(RECOGNITION_HOLDOUT_CASES.length >= 80, `only ${RECOGNITION_HOLDOUT_CASES.length} cases`);
    assert.equal(new Set(RECOGNITION_HOLDOUT_CASES.map((testCase) => testCase.name)).size, RECOGNITION_HOLDOUT_CASES.length);
    for (const bot of ["dependabot", "renovate"]) assert.ok(RECOGNITION_HOLDOUT_CASES.some((testCase) => testCase.expect?.bot === bot), bot);
    for (const testCase of RECOGNITION_HOLDOUT_CASES) assert.ok(testCase.source.trim().length > 0, testCase.name);
  });

  for (const testCase of RECOGNITION_HOLDOUT_CASES) it(testCase.name, () => assertRecognitionCase(testCase));
});
