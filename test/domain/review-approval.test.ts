import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { approvalOf, type ReviewFact } from "../../src/domain/review-approval.js";

const HEAD = "head-sha";
const review = (reviewer: string, state: ReviewFact["state"], submittedAt: number, commitId = HEAD): ReviewFact =>
  ({ reviewer, state, submittedAt, commitId });

describe("approvalOf", () => {
  it("counts a reviewer's latest review that is not a comment", () => {
    assert.deepEqual(approvalOf([review("maria", "APPROVED", 10), review("maria", "COMMENTED", 20)], HEAD), { by: ["maria"], at: 10, stale: false });
    assert.equal(approvalOf([review("maria", "APPROVED", 10), review("maria", "CHANGES_REQUESTED", 20)], HEAD), null);
    assert.deepEqual(approvalOf([review("maria", "CHANGES_REQUESTED", 10), review("Maria", "APPROVED", 20)], HEAD), { by: ["Maria"], at: 20, stale: false });
  });

  it("drops a dismissed approval, and lets anyone's change request block", () => {
    assert.equal(approvalOf([review("maria", "DISMISSED", 10)], HEAD), null);
    assert.equal(approvalOf([review("maria", "APPROVED", 10), review("li", "CHANGES_REQUESTED", 5)], HEAD), null);
  });

  it("marks approvals of an earlier commit as stale, and prefers current ones", () => {
    assert.deepEqual(approvalOf([review("maria", "APPROVED", 10, "old")], HEAD), { by: ["maria"], at: 10, stale: true });
    assert.deepEqual(approvalOf([review("maria", "APPROVED", 10, "old"), review("li", "APPROVED", 30)], HEAD), { by: ["li"], at: 30, stale: false });
  });
});
