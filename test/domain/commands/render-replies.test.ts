import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseCommands } from "../../../src/domain/commands/parse-commands.js";
import {
  renderHelp,
  renderInvalidCommand,
  renderSnoozeRefused,
  renderSnoozeReply,
  renderUnsnoozeReply,
} from "../../../src/domain/commands/render-replies.js";
import { DAY, T0 } from "../../helpers/records.js";
import { HOSTILE, mentions, outsideCode } from "../check-run/check-input.js";

const MARKER = "<!-- merge-discipline:reply comment=123 -->";
const SLUG = "merge-discipline";

const replies: Array<[string, string]> = [
  ["help", renderHelp(SLUG, MARKER)],
  ["invalid", renderInvalidCommand('"merge" is not a command: use snooze, unsnooze, status or help', SLUG, MARKER)],
  ["snoozed", renderSnoozeReply({ actor: "alice", until: T0 + 3 * DAY, capped: false, maxMs: 30 * DAY, reason: "waiting for 2.0", now: T0 }, MARKER)],
  ["snoozed, capped", renderSnoozeReply({ actor: "alice", until: T0 + 3 * DAY, capped: true, maxMs: 3 * DAY, reason: "", now: T0 }, MARKER)],
  ["refused", renderSnoozeRefused("not-allowed", "mallory", MARKER)],
  ["too short", renderSnoozeRefused("too-short", "alice", MARKER)],
  ["unsnoozed", renderUnsnoozeReply({ actor: "alice", previous: { until: T0 + DAY, by: "bob", reason: "x" } }, MARKER)],
  ["nothing to unsnooze", renderUnsnoozeReply({ actor: "alice", previous: null }, MARKER)],
  ["unsnooze refused", renderSnoozeRefused("not-allowed", "mallory", MARKER, "unsnooze")],
  ["acknowledgement refused", renderSnoozeRefused("not-allowed", "mallory", MARKER, "ack")],
];

describe("command replies", () => {
  for (const [name, body] of replies) {
    it(`${name}: ends with the marker, mentions nobody, speaks as the app and runs no command if quoted back`, () => {
      assert.ok(body.endsWith(`\n\n${MARKER}\n`));
      assert.equal(body.split("<!--").length, 2, "the marker is the only HTML comment");
      assert.deepEqual(mentions(outsideCode(body)), []);
      assert.doesNotMatch(body, /\bI\b|\bI'm\b|\bme\b/);
      assert.deepEqual(parseCommands(body, SLUG), []);
    });
  }

  it("help lists every command and the mention form, copyable", () => {
    const help = renderHelp(SLUG, MARKER);
    for (const verb of ["snooze <duration> [reason]", "unsnooze", "status", "help"]) assert.ok(help.includes(`\`/merge-discipline ${verb}\``), verb);
    assert.ok(help.includes("`@merge-discipline` works in place of `/merge-discipline`"));
  });

  it("a refused unsnooze or acknowledgement says what was refused, not that nothing was snoozed", () => {
    assert.match(renderSnoozeRefused("not-allowed", "mallory", MARKER, "unsnooze"), /^\*\*Snooze not ended:\*\* mallory cannot change snoozes here\./);
    assert.match(renderSnoozeRefused("not-allowed", "mallory", MARKER, "ack"), /^\*\*Not acknowledged:\*\* mallory cannot acknowledge updates here\./);
  });

  it("help escapes a slug that is not GitHub's own form", () => {
    assert.deepEqual(mentions(renderHelp("evil app", MARKER)), []);
  });

  it("the invalid-command reply says what was wrong and includes help", () => {
    const body = replies[1]?.[1] ?? "";
    assert.match(body, /^\*\*Command not understood:\*\* "merge" is not a command: use snooze, unsnooze, status or help\n/);
    assert.match(body, /\| Command \| What it does \|/);
  });

  const facts: Array<[string, number, RegExp]> = [
    ["a snooze: how long, until when, by whom, why", 2, /^\*\*Snoozed for 3d\*\*, until 2026-11-04 00:00 UTC, by alice: waiting for 2\.0\n/],
    ["that the SLA does not move", 2, /The SLA due date does not move\./],
    ["a capped snooze", 3, /The snooze was cut to 3d, the longest allowed for this update's class \(`snooze\.max`/],
    ["how to end a snooze", 2, /To end it early: `\/merge-discipline unsnooze`\./],
    ["who may snooze", 4, /mallory cannot change snoozes here\. That takes write access to this repository, or a place in `snooze\.allow`/],
    ["the minimum", 5, /a snooze lasts at least 1 minute/],
    ["an ended snooze", 6, /\*\*Snooze ended\*\* by alice: .*\(It was snoozed until 2026-11-02 00:00 UTC by bob\.\)/],
    ["no snooze to end", 7, /\*\*Nothing to unsnooze:\*\*/],
  ];
  for (const [name, index, pattern] of facts) {
    it(`states ${name}`, () => assert.match(replies[index]?.[1] ?? "", pattern));
  }

  it("escapes user text: actor, reason and problem", () => {
    const bodies = [
      renderSnoozeReply({ actor: HOSTILE, until: T0 + DAY, capped: false, maxMs: DAY, reason: HOSTILE, now: T0 }, MARKER),
      renderSnoozeRefused("not-allowed", HOSTILE, MARKER),
      renderUnsnoozeReply({ actor: HOSTILE, previous: { until: T0, by: HOSTILE, reason: HOSTILE } }, MARKER),
      renderInvalidCommand(`"${HOSTILE}" is not a command`, SLUG, MARKER),
    ];
    for (const body of bodies) {
      // The help in the invalid-command reply shows `@merge-discipline` in a code span, which mentions nobody.
      assert.deepEqual(mentions(outsideCode(body)), []);
      assert.doesNotMatch(body, /@everyone/);
      assert.equal(body.split("<!--").length, 2, "no forged marker");
      assert.doesNotMatch(outsideCode(body), /<img|\]\(|https:\/\/evil/);
    }
  });
});
