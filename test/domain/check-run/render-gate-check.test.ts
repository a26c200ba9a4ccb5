import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { GATE_CHECK_NAME, renderGateCheck } from "../../../src/domain/check-run/render-gate-check.js";
import type { OverdueFix } from "../../../src/domain/check-run/render-gate-check.js";
import { PR_CHECK_NAME } from "../../../src/domain/check-run/render-pr-check.js";
import { checkCheckRunSpec } from "../../../src/github/github-writes.js";
import { DAY, HOUR, T0 } from "../../helpers/records.js";
import { HOSTILE, mentions, outsideCode } from "./check-input.js";

const fix = (number: number, change: Partial<OverdueFix> = {}): OverdueFix => ({
  number,
  repo: "acme/web",
  title: `Bump lib-${number}`,
  severity: "high",
  overdueByMs: 2 * DAY,
  ...change,
});

describe("renderGateCheck", () => {
  const table: Array<[string, Parameters<typeof renderGateCheck>[0], string, string]> = [
    ["all clear", { mode: "block", overdue: [], now: T0 }, "success", "No overdue security fixes"],
    ["all clear in warn mode", { mode: "warn", overdue: [], now: T0 }, "success", "No overdue security fixes"],
    ["one fix, warn", { mode: "warn", overdue: [fix(1)], now: T0 }, "neutral", "1 overdue security fix — merge it first"],
    ["two fixes, warn", { mode: "warn", overdue: [fix(1), fix(2)], now: T0 }, "neutral", "2 overdue security fixes — merge them first"],
    ["one fix, block", { mode: "block", overdue: [fix(1)], now: T0 }, "failure", "Blocked: 1 overdue security fix"],
    ["a gate switched off", { mode: "off", overdue: [fix(1)], now: T0 }, "success", "Gate is switched off"],
  ];
  for (const [name, input, conclusion, title] of table) {
    it(name, () => {
      const spec = renderGateCheck(input);
      assert.equal(spec.name, GATE_CHECK_NAME);
      assert.equal(spec.status, "completed");
      assert.equal(spec.conclusion, conclusion);
      assert.equal(spec.title, title);
      assert.ok(Array.from(spec.title).length <= 60);
      assert.doesNotThrow(() => checkCheckRunSpec(spec));
    });
  }

  it("has its own name, so it never replaces the PR check on an update", () => assert.notEqual(GATE_CHECK_NAME, PR_CHECK_NAME));

  it("lists the fixes most severe first, then longest overdue, whatever the input order", () => {
    const overdue = [
      fix(3, { severity: "high", overdueByMs: DAY }),
      fix(4, { severity: null, overdueByMs: 9 * DAY }),
      fix(1, { severity: "critical", overdueByMs: 5 * HOUR }),
      fix(2, { severity: "high", overdueByMs: 3 * DAY, url: "https://github.com/acme/web/pull/2" }),
    ];
    const summary = renderGateCheck({ mode: "block", overdue, now: T0 }).summary;
    assert.equal(
      summary,
      [
        "**Merge the security fix first.** 4 overdue security fixes past their SLA:",
        "",
        "- acme/web#1 Bump lib\\-1 — **critical** severity, overdue by less than a day",
        "- [acme/web#2](https://github.com/acme/web/pull/2) Bump lib\\-2 — **high** severity, overdue by 3 days",
        "- acme/web#3 Bump lib\\-3 — **high** severity, overdue by 1 day",
        "- acme/web#4 Bump lib\\-4 — unknown severity, overdue by 9 days",
        "",
        "This check fails until they are merged (`gate.mode: block` in `.github/merge-discipline.yml`).",
      ].join("\n"),
    );
    assert.equal(renderGateCheck({ mode: "block", overdue: [...overdue].reverse(), now: T0 }).summary, summary);
  });

  it("caps a long list", () => {
    const summary = renderGateCheck({ mode: "warn", overdue: Array.from({ length: 25 }, (_, i) => fix(i + 1)), now: T0 }).summary;
    assert.equal(summary.split("\n").filter((line) => line.startsWith("- ")).length, 21);
    assert.match(summary, /^- …and 5 more$/m);
    assert.match(summary, /This check is a warning only/);
  });

  it("escapes titles and repos, and links only safe https URLs", () => {
    const overdue = [
      fix(1, { title: HOSTILE, url: "javascript:alert(1)" }),
      fix(2, { repo: HOSTILE, url: "https://evil.example/x)(y" }),
      fix(3, { url: "http://github.com/acme/web/pull/3" }),
    ];
    const summary = renderGateCheck({ mode: "block", overdue, now: T0 }).summary;
    assert.deepEqual(mentions(summary), []);
    assert.doesNotMatch(outsideCode(summary), /<img|<!--|\]\(|javascript:|https:\/\/evil/);
  });
});
