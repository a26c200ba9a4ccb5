import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { commentsOnStage } from "../../src/domain/backfill-comments.js";
import type { BackfillComments } from "../../src/domain/policy.js";

const SEEN = Date.parse("2026-11-02T09:00:00Z");

describe("a stage due before the app first looked at the repo", () => {
  const cases: Array<[string, { dueAt: number; quietBefore: number | null; security: boolean; mode: BackfillComments }, boolean]> = [
    ["never backfilled: every stage speaks", { dueAt: SEEN - 1, quietBefore: null, security: false, mode: "none" }, true],
    ["due after the first look: news", { dueAt: SEEN, quietBefore: SEEN, security: false, mode: "none" }, true],
    ["history, not security, default mode: labels only", { dueAt: SEEN - 1, quietBefore: SEEN, security: false, mode: "security" }, false],
    ["history, security, default mode: speaks", { dueAt: SEEN - 1, quietBefore: SEEN, security: true, mode: "security" }, true],
    ["history, mode all", { dueAt: SEEN - 1, quietBefore: SEEN, security: false, mode: "all" }, true],
    ["history, security, mode none", { dueAt: SEEN - 1, quietBefore: SEEN, security: true, mode: "none" }, false],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.equal(commentsOnStage(input), expected));
  }
});
