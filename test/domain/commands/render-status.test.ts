import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { renderStatus } from "../../../src/domain/commands/render-status.js";
import { renderPrCheck } from "../../../src/domain/check-run/render-pr-check.js";
import { DAY, T0 } from "../../helpers/records.js";
import { checkInput, HOSTILE, mentions, outsideCode } from "../check-run/check-input.js";

const MARKER = "<!-- merge-discipline:reply comment=9 -->";

describe("renderStatus", () => {
  it("shows the check run's headline and facts, then the marker", () => {
    const input = checkInput({ ci: "passing", snooze: null });
    const body = renderStatus(input, MARKER);
    const check = renderPrCheck(input);
    assert.match(body, /^\*\*merge-discipline status: Ready to merge\*\* \(as of 2026-11-03 03:00 UTC\)\n\n/);
    assert.ok(body.includes(check.summary), "the same facts and advice as the check run");
    assert.ok(body.endsWith(`\n\n${MARKER}\n`));
  });

  it("leaves out what the command does not know", () => {
    const { mergeable: _m, acknowledged: _a, autoMerge: _s, ...known } = checkInput({ mergeable: false });
    const body = renderStatus(known, MARKER);
    assert.doesNotMatch(body, /\*\*(Mergeable|Acknowledged|Auto-merge):\*\*/);
    assert.match(body, /status: Due in 4d\*\*/);
  });

  it("shows a snooze, escaped", () => {
    const body = renderStatus(checkInput({ snooze: { until: T0 + 5 * DAY, by: HOSTILE, reason: HOSTILE } }), MARKER);
    assert.match(body, /status: Snoozed until 2026-11-06\*\*/);
    assert.deepEqual(mentions(body), []);
    assert.equal(body.split("<!--").length, 2, "no forged marker");
    assert.doesNotMatch(outsideCode(body), /<img|\]\(https:\/\/evil/);
  });
});
