import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { renderPrCheck } from "../../../src/domain/check-run/render-pr-check.js";
import { DAY, HOUR, T0 } from "../../helpers/records.js";
import { policy } from "../escalation/policy-fixture.js";
import { checkInput } from "./check-input.js";
import type { CheckScenario } from "./check-input.js";

// Patch SLA 7d from T0 (2026-11-01): due 2026-11-08 00:00 UTC.
const OVERDUE = T0 + 9 * DAY + 5 * HOUR;
const CLOSED_AT = T0 + DAY;
const snoozeUntil = (until: number) => ({ until, by: "alice", reason: "upstream" });

const titles: Array<[string, CheckScenario, string, "success" | "neutral"]> = [
  ["due in days", {}, "Due in 4d", "success"],
  ["due within a day", { now: T0 + 6 * DAY + 12 * HOUR }, "Due within a day", "success"],
  ["overdue by days", { now: OVERDUE }, "Overdue by 2d", "neutral"],
  ["overdue under a day", { now: T0 + 7 * DAY + HOUR }, "Overdue since 2026-11-08", "neutral"],
  ["an overdue security fix", { now: OVERDUE, update: { security: true, severity: "high" } }, "Overdue by 2d — high severity security fix", "neutral"],
  ["an overdue fix of unknown severity (SLA 14d)", { now: OVERDUE + 7 * DAY, update: { security: true } }, "Overdue by 2d — security fix, severity unknown", "neutral"],
  ["overdue and snoozed", { now: OVERDUE, snooze: snoozeUntil(T0 + 30 * DAY) }, "Overdue by 2d, snoozed until 2026-12-01", "neutral"],
  ["overdue with CI failing", { now: OVERDUE, ci: "failing" }, "Overdue by 2d — CI failing", "neutral"],
  ["overdue with a conflict", { now: OVERDUE, mergeable: false }, "Overdue by 2d — needs a rebase", "neutral"],
  ["snoozed", { snooze: snoozeUntil(T0 + 29 * DAY) }, "Snoozed until 2026-11-30", "success"],
  ["a snooze that has ended", { snooze: snoozeUntil(T0 + DAY) }, "Due in 4d", "success"],
  ["a conflict", { mergeable: false, ci: "failing" }, "Merge conflict — ask the bot to rebase", "neutral"],
  ["CI failing", { ci: "failing" }, "CI failing — this update needs a fix", "neutral"],
  ["auto-merge refused", { ci: "passing", autoMerge: { state: "refused", reason: "a commit by mallory is not from dependabot[bot]" } }, "Not merged automatically — see why", "neutral"],
  ["CI passing", { ci: "passing" }, "Ready to merge", "success"],
  ["CI passing with auto-merge", { ci: "passing", autoMerge: { state: "enabled", reason: null } }, "Ready — merging automatically", "success"],
  ["CI running with auto-merge", { autoMerge: { state: "enabled", reason: null } }, "Merges automatically once CI passes", "success"],
  ["mergeability not known yet", { mergeable: null, ci: "unknown" }, "Due in 4d", "success"],
  ["merged by auto-merge", { autoMerge: { state: "merged", reason: null }, record: { state: "merged", mergedAt: CLOSED_AT } }, "Merged automatically", "success"],
  ["merged", { record: { state: "merged", mergedAt: CLOSED_AT }, now: OVERDUE }, "Merged", "success"],
  ["closed", { record: { state: "closed", closedAt: CLOSED_AT }, ci: "failing" }, "Closed without merging", "success"],
  ["a class without an SLA", { policy: policy({ sla: { ...policy().sla, patch: Infinity } }) }, "Waiting to be merged (no SLA)", "success"],
];

describe("renderPrCheck: title and conclusion", () => {
  for (const [name, scenario, title, conclusion] of titles) {
    it(name, () => {
      const spec = renderPrCheck(checkInput(scenario));
      assert.equal(spec.title, title);
      assert.equal(spec.conclusion, conclusion);
      assert.equal(spec.status, "completed");
      assert.ok(Array.from(spec.title).length <= 60);
    });
  }

  it("never fails or asks for action, whatever the state", () => {
    for (const [, scenario] of titles) {
      assert.ok(["success", "neutral"].includes(renderPrCheck(checkInput(scenario)).conclusion ?? ""));
    }
  });

  it("keeps a long title within 60 characters (moderate SLA 30d)", () => {
    const spec = renderPrCheck(checkInput({ now: T0 + 300 * DAY, update: { security: true, severity: "moderate" } }));
    assert.equal(spec.title, "Overdue by 270d — moderate severity security fix");
  });
});
