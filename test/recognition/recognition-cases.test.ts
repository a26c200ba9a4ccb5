// Every real-world case in test/fixtures/recognition-cases.ts, one named subtest each.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertRecognitionCase } from "../fixtures/assert-recognition-case.js";
import { RECOGNITION_CASES } from "../fixtures/recognition-cases.js";

describe("recognition cases from real pull requests", () => {
  it("has at least 300 cases with unique names and a source each", () => {
    assert.ok(RECOGNITION_CASES.length >= 300, `only ${RECOGNITION_CASES.length} cases`);
    assert.equal(new Set(RECOGNITION_CASES.map((testCase) => testCase.name)).size, RECOGNITION_CASES.length);
    for (const testCase of RECOGNITION_CASES) assert.ok(testCase.source.trim().length > 0, testCase.name);
  });

  for (const testCase of RECOGNITION_CASES) it(testCase.name, () => assertRecognitionCase(testCase));
});
