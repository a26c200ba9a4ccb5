import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { decideSnooze, MIN_SNOOZE_MS } from "../../../src/domain/commands/decide-snooze.js";
import type { SnoozeDecision, SnoozeRequest } from "../../../src/domain/commands/decide-snooze.js";
import { DAY, T0 } from "../../helpers/records.js";
import { policy } from "../escalation/policy-fixture.js";

// The fixture's snooze limits are the documented defaults: critical 3d, high 7d, patch 30d.
const base = policy();
const withAllowed = policy({ snooze: { ...base.snooze, allow: { users: ["Carol"], teams: ["acme/triage"] } } });

function request(change: Partial<SnoozeRequest> = {}): SnoozeRequest {
  return { requested: 2 * DAY, reason: "waiting for upstream", actor: "alice", slaClass: "patch", policy: base, now: T0, actorCanWrite: true, actorInAllowList: false, ...change };
}

describe("decideSnooze", () => {
  const table: Array<[string, Partial<SnoozeRequest>, SnoozeDecision]> = [
    ["a writer within the limit", {}, { ok: true, until: T0 + 2 * DAY, capped: false, maxMs: 30 * DAY, reason: "waiting for upstream" }],
    ["exactly the limit", { requested: 30 * DAY }, { ok: true, until: T0 + 30 * DAY, capped: false, maxMs: 30 * DAY, reason: "waiting for upstream" }],
    ["past the limit of a critical fix", { requested: 7 * DAY, slaClass: "security.critical" }, { ok: true, until: T0 + 3 * DAY, capped: true, maxMs: 3 * DAY, reason: "waiting for upstream" }],
    ["forever", { requested: Infinity, slaClass: "security.high" }, { ok: true, until: T0 + 7 * DAY, capped: true, maxMs: 7 * DAY, reason: "waiting for upstream" }],
    ["the shortest snooze", { requested: MIN_SNOOZE_MS }, { ok: true, until: T0 + MIN_SNOOZE_MS, capped: false, maxMs: 30 * DAY, reason: "waiting for upstream" }],
    ["too short", { requested: MIN_SNOOZE_MS - 1 }, { ok: false, why: "too-short" }],
    ["zero", { requested: 0 }, { ok: false, why: "too-short" }],
    ["not a number", { requested: Number.NaN }, { ok: false, why: "too-short" }],
    ["a reader", { actorCanWrite: false }, { ok: false, why: "not-allowed" }],
    ["a reader asking for too little is refused as a reader", { actorCanWrite: false, requested: 0 }, { ok: false, why: "not-allowed" }],
    ["a member of an allowed team", { actorCanWrite: false, actorInAllowList: true }, { ok: true, until: T0 + 2 * DAY, capped: false, maxMs: 30 * DAY, reason: "waiting for upstream" }],
    ["an allowed user, matched regardless of case", { actorCanWrite: false, actor: "carol", policy: withAllowed }, { ok: true, until: T0 + 2 * DAY, capped: false, maxMs: 30 * DAY, reason: "waiting for upstream" }],
    ["a user not on the list", { actorCanWrite: false, actor: "mallory", policy: withAllowed }, { ok: false, why: "not-allowed" }],
    ["a reason tidied to one line", { reason: "  waiting\n\nfor   2.0 " }, { ok: true, until: T0 + 2 * DAY, capped: false, maxMs: 30 * DAY, reason: "waiting for 2.0" }],
  ];
  for (const [name, change, expected] of table) {
    it(name, () => assert.deepEqual(decideSnooze(request(change)), expected));
  }

  it("bounds a long reason", () => {
    const decision = decideSnooze(request({ reason: "x".repeat(500) }));
    assert.ok(decision.ok);
    assert.equal(Array.from(decision.reason).length, 200);
    assert.ok(decision.reason.endsWith("…"));
  });
});
