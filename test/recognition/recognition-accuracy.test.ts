// `npm run accuracy` counts what a wrong reading costs, field by field, and in the overall exact rate.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { accuracyReport, measureAccuracy } from "../../scripts/recognition-accuracy.js";
import { DEPENDABOT, human, type RecognitionCase } from "../fixtures/recognition-case.js";

const right: RecognitionCase = {
  name: "right",
  source: "test",
  facts: { title: "Bump lodash from 4.17.20 to 4.17.21", headRef: "dependabot/npm_and_yarn/lodash-4.17.21", author: DEPENDABOT },
  expect: { ecosystem: "npm", packages: [{ name: "lodash", from: "4.17.20", to: "4.17.21" }], updateType: "patch" },
};
const wrongType: RecognitionCase = { ...right, name: "wrong type", expect: { ecosystem: "npm", updateType: "major" } };
const humanCase: RecognitionCase = { name: "human", source: "test", facts: { title: "Fix typo", headRef: "typo", author: human("alice") }, expect: null };
const missedImpostor: RecognitionCase = { ...humanCase, name: "missed impostor", impostor: true };

describe("recognition accuracy", () => {
  it("scores each labelled field and the whole case", () => {
    const accuracy = measureAccuracy([right, wrongType, humanCase, missedImpostor]);
    const score = (field: string) => accuracy.fields.find((entry) => entry.field === field);
    assert.deepEqual(score("updateType"), { field: "updateType", right: 1, labelled: 2 });
    assert.deepEqual(score("ecosystem"), { field: "ecosystem", right: 2, labelled: 2 });
    assert.deepEqual(score("directory"), { field: "directory", right: 0, labelled: 0 });
    assert.equal(accuracy.exact, 2);
    assert.equal(accuracy.cases, 4);
    assert.deepEqual(accuracy.misses, ['wrong type: updateType "patch", labelled "major"', "missed impostor: not-a-bot-pr, labelled impostor"]);
  });

  it("prints per-field rates, the overall exact rate and the misses", () => {
    const report = accuracyReport(measureAccuracy([right, wrongType]));
    assert.match(report, /^\| updateType \| 50\.0% \| 2 \|$/m);
    assert.match(report, /^\| directory \| — \| 0 \|$/m);
    assert.match(report, /^Overall exact: 50\.0% \(1 of 2 cases\)$/m);
    assert.match(report, /^- wrong type: updateType "patch", labelled "major"$/m);
  });
});
