import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { PR_CHECK_NAME, renderPrCheck, snoozeActionMs } from "../../../src/domain/check-run/render-pr-check.js";
import { checkCheckRunSpec } from "../../../src/github/github-writes.js";
import { DAY, HOUR, T0 } from "../../helpers/records.js";
import { checkInput, HOSTILE, mentions, NOW, outsideCode } from "./check-input.js";
import type { CheckScenario } from "./check-input.js";
import { policy, withLadder } from "../escalation/policy-fixture.js";

/** Small enough not to cross a day boundary from the fixture's now (2 days and 3 hours in). */
const MINUTE = 60_000;
const summary = (scenario: CheckScenario = {}): string => renderPrCheck(checkInput(scenario)).summary;
const line = (text: string, key: string): string => text.split("\n").find((entry) => entry.startsWith(`- **${key}:**`)) ?? "";

describe("renderPrCheck: a replacement", () => {
  it("says which package replaces which", () => {
    const text = summary({ update: { packages: [{ name: "request", from: "2.88.2", to: null, replacedBy: "got" }, { name: "got", from: null, to: "11.8.2" }], updateType: "other" } });
    assert.ok(text.includes("- **Update:** 2 packages · npm · directory `/` · other\n  - `request` `2.88.2` → replaced by `got`\n  - `got` → `11.8.2`"), text);
  });
});

describe("renderPrCheck: the facts", () => {
  const facts: Array<[string, CheckScenario, string, string]> = [
    ["the update", {}, "Update", "- **Update:** `lodash` `4.17.20` → `4.17.21` · npm · directory `/` · patch"],
    ["the age", {}, "Age", "- **Age:** 2 days since this update was first proposed (2026-11-01 00:00 UTC)"],
    [
      "the age of a lineage begun by an earlier PR",
      { record: { createdAt: T0 + DAY } },
      "Age",
      "- **Age:** 2 days since this update was first proposed (2026-11-01 00:00 UTC, by an earlier pull request that this one replaced)",
    ],
    ["the SLA and due date", {}, "SLA", "- **SLA:** 7d for patch updates; due 2026-11-08 00:00 UTC (in 4 days)"],
    ["an overdue SLA", { now: T0 + 9 * DAY + HOUR }, "SLA", "- **SLA:** 7d for patch updates; **overdue** since 2026-11-08 00:00 UTC (2 days ago)"],
    ["a security SLA", { update: { security: true, severity: "critical" } }, "SLA", "- **SLA:** 2d for critical-severity security updates; **overdue** since 2026-11-03 00:00 UTC (less than a day ago)"],
    ["the next reminder", {}, "Next reminder", "- **Next reminder:** 1 of 3 on 2026-11-04 12:00 UTC (in 1 day), mentioning the owners"],
    [
      "a next reminder with a label",
      { now: T0 + 4 * DAY },
      "Next reminder",
      "- **Next reminder:** 2 of 3 on 2026-11-08 00:00 UTC (in 3 days), mentioning the owners and the escalation contacts and adding the label `overdue`",
    ],
    ["no reminder left", { now: T0 + 11 * DAY }, "Next reminder", "- **Next reminder:** none left: all 3 reminders have fallen due"],
    [
      "the only reminder, fallen due",
      { now: T0 + 11 * DAY, policy: withLadder(policy(), [{ id: "100%", at: { fraction: 1 }, mention: "owners", label: null }]) },
      "Next reminder",
      "- **Next reminder:** none left: the only reminder has fallen due",
    ],
    [
      "a reminder held by a snooze",
      { snooze: { until: T0 + 5 * DAY, by: "alice", reason: "" } },
      "Next reminder",
      "- **Next reminder:** 1 of 3 on 2026-11-04 12:00 UTC (in 1 day), mentioning the owners, held back until the snooze ends on 2026-11-06",
    ],
    ["CI", { ci: "failing" }, "CI", "- **CI:** **failing**"],
    ["a conflict", { mergeable: false }, "Mergeable", "- **Mergeable:** no, it conflicts with the base branch"],
    ["a snooze", { snooze: { until: T0 + 5 * DAY, by: "alice", reason: "waiting for 2.0" } }, "Snoozed", "- **Snoozed:** until 2026-11-06 00:00 UTC by alice: waiting for 2.0"],
    ["a snooze without reason", { snooze: { until: T0 + 5 * DAY, by: "alice", reason: " " } }, "Snoozed", "- **Snoozed:** until 2026-11-06 00:00 UTC by alice: no reason given"],
    ["an acknowledgement", { acknowledged: { by: "bob", at: T0 + DAY } }, "Acknowledged", "- **Acknowledged:** by bob on 2026-11-02 00:00 UTC"],
    ["auto-merge off", { autoMerge: { state: "off", reason: "not enabled for patch updates" } }, "Auto-merge", "- **Auto-merge:** off: not enabled for patch updates"],
    ["auto-merge on", { autoMerge: { state: "enabled", reason: null } }, "Auto-merge", "- **Auto-merge:** on, merges itself (squash) once CI passes"],
    ["auto-merge refused", { autoMerge: { state: "refused", reason: "commit is not verified" } }, "Auto-merge", "- **Auto-merge:** not merging: commit is not verified"],
  ];
  for (const [name, scenario, key, expected] of facts) {
    it(name, () => assert.equal(line(summary(scenario), key), expected));
  }

  it("leaves out what is not known or not the case", () => {
    const text = summary({ mergeable: null });
    for (const key of ["Security", "Mergeable", "Snoozed", "Acknowledged"]) assert.equal(line(text, key), "", key);
  });

  it("links advisories only through valid GHSA and CVE ids", () => {
    const text = summary({
      update: { security: true, severity: "high", advisories: ["GHSA-aaaa-bbbb-cccc", "cve-2026-12345", "GHSA-2345-6789-cfgh", "[x](https://evil.example)"] },
    });
    assert.equal(
      line(text, "Security"),
      "- **Security:** **high** severity · [CVE-2026-12345](https://nvd.nist.gov/vuln/detail/CVE-2026-12345) · [GHSA-2345-6789-cfgh](https://github.com/advisories/GHSA-2345-6789-cfgh)",
    );
  });
});

describe("renderPrCheck: what to do", () => {
  const advice: Array<[string, CheckScenario, RegExp]> = [
    ["passing CI", { ci: "passing" }, /\*\*What to do now:\*\* Ready to merge: review and merge it\./],
    ["failing CI, for the owners", { ci: "failing" }, /This update needs a fix\. Owners: look at the failing checks/],
    ["a conflict on a Dependabot PR", { mergeable: false }, /It conflicts with the base branch: comment `@dependabot rebase` to have Dependabot rebase it\./],
    ["a conflict on a Renovate PR", { mergeable: false, update: { bot: "renovate" } }, /It conflicts with the base branch: tick the rebase checkbox in the pull request body to have Renovate rebase it\./],
    ["running CI", {}, /Wait for CI to finish, then review and merge it\./],
    ["an overdue update", { now: T0 + 8 * DAY }, /It is past its SLA: merge it or say why it waits\./],
    ["how to snooze", {}, /`\/merge-discipline snooze <duration> <reason>`/],
    ["a merged update", { record: { state: "merged", mergedAt: T0 + DAY } }, /Nothing to do: this update is merged\./],
  ];
  for (const [name, scenario, pattern] of advice) {
    it(name, () => assert.match(summary(scenario), pattern));
  }

  it("never starts a line with a bot command", () => {
    assert.doesNotMatch(summary({ mergeable: false }), /^@dependabot/m);
  });
});

describe("renderPrCheck: actions", () => {
  it("offers snooze for a day, a week and acknowledge, within GitHub's limits", () => {
    const spec = renderPrCheck(checkInput());
    assert.equal(spec.name, PR_CHECK_NAME);
    assert.deepEqual(spec.actions?.map((action) => [action.label, action.identifier]), [
      ["Snooze 1 day", "snooze-1d"],
      ["Snooze 1 week", "snooze-1w"],
      ["Acknowledge", "ack"],
    ]);
    assert.doesNotThrow(() => checkCheckRunSpec(spec));
  });

  it("offers none once the PR is merged or closed", () => {
    assert.equal(renderPrCheck(checkInput({ record: { state: "closed", closedAt: T0 + DAY } })).actions, undefined);
    assert.equal(renderPrCheck(checkInput({ autoMerge: { state: "merged", reason: null } })).actions, undefined);
  });

  it("maps the snooze buttons to durations", () => {
    assert.deepEqual(["snooze-1d", "snooze-1w", "ack", "other"].map(snoozeActionMs), [DAY, 7 * DAY, null, null]);
  });
});

describe("renderPrCheck: deterministic and inert", () => {
  it("renders the same check for the same input, and a minute later", () => {
    assert.deepEqual(renderPrCheck(checkInput()), renderPrCheck(checkInput()));
    assert.deepEqual(renderPrCheck(checkInput({ now: NOW + MINUTE })), renderPrCheck(checkInput()));
  });

  it("escapes everything that comes from the PR or a user", () => {
    const spec = renderPrCheck(
      checkInput({
        update: { packages: [{ name: HOSTILE, from: "1.0.0", to: HOSTILE }], ecosystem: HOSTILE, directory: HOSTILE, security: true, advisories: [HOSTILE] },
        snooze: { until: T0 + 5 * DAY, by: "@mallory", reason: HOSTILE },
        acknowledged: { by: HOSTILE, at: T0 },
        autoMerge: { state: "refused", reason: HOSTILE },
      }),
    );
    assert.deepEqual(mentions(spec.summary), []);
    assert.doesNotMatch(outsideCode(spec.summary), /<img|<!--|\]\(https:\/\/evil|https:\/\/evil/);
    assert.doesNotMatch(spec.summary, /<!-- merge-discipline/, "no forged marker, not even in code");
    assert.doesNotThrow(() => checkCheckRunSpec(spec));
  });
});
