// Every real-world case in test/fixtures/recognition-cases.ts, one named subtest each.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DEFAULT_BOT_IDENTITIES } from "../../src/domain/bot-identity.js";
import { recognise } from "../../src/domain/recognise.js";
import type { PullRequestFacts } from "../../src/domain/types.js";
import { RECOGNITION_CASES, type RecognitionCase } from "../fixtures/recognition-cases.js";

function factsOf(testCase: RecognitionCase): PullRequestFacts {
  return { body: "", labels: [], ...testCase.facts };
}

describe("recognition cases from real pull requests", () => {
  it("has at least 300 cases with unique names and a source each", () => {
    assert.ok(RECOGNITION_CASES.length >= 300, `only ${RECOGNITION_CASES.length} cases`);
    assert.equal(new Set(RECOGNITION_CASES.map((testCase) => testCase.name)).size, RECOGNITION_CASES.length);
    for (const testCase of RECOGNITION_CASES) assert.ok(testCase.source.trim().length > 0, testCase.name);
  });

  for (const testCase of RECOGNITION_CASES) {
    it(testCase.name, () => {
      const recognition = recognise(factsOf(testCase), testCase.identities ?? DEFAULT_BOT_IDENTITIES);

      if (testCase.expect === null) {
        if (testCase.impostor) {
          assert.equal(recognition.kind, "impostor", JSON.stringify(recognition));
          if (recognition.kind === "impostor" && testCase.lookalike) assert.equal(recognition.bot, testCase.lookalike);
          if (recognition.kind === "impostor") assert.ok(recognition.reason.length > 10);
        } else {
          assert.deepEqual(recognition, { kind: "not-a-bot-pr" });
        }
        return;
      }

      assert.equal(recognition.kind, "update", JSON.stringify(recognition));
      if (recognition.kind !== "update") return;
      const expected = testCase.expect;
      const actual = Object.fromEntries(Object.keys(expected).map((key) => [key, recognition.update[key as keyof typeof expected]]));
      assert.deepEqual(actual, expected);
      if (testCase.needsCommits !== undefined) assert.equal(recognition.needsCommits, testCase.needsCommits, "needsCommits");
    });
  }
});
