import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { planEscalation } from "../../../src/domain/escalation.js";
import type { EscalationInput } from "../../../src/domain/escalation.js";
import type { Policy } from "../../../src/domain/policy.js";
import { closed, DAY, HOUR, merged, record, T0 } from "../../helpers/records.js";
import { policy, withLadder } from "./policy-fixture.js";

// T0 is Sunday 2026-11-01 00:00 UTC; the fixture's patch SLA is 7 days with stages at 50%, 100% and 150%.
function input(overrides: Partial<EscalationInput> & { now: number }): EscalationInput {
  return {
    record: record({ number: 7, createdAt: T0 }),
    lineageStartedAt: T0,
    policy: policy(),
    postedStageIds: new Set(),
    snoozedUntil: null,
    ...overrides,
  };
}

describe("planEscalation", () => {
  const cases: Array<{
    name: string;
    input: EscalationInput;
    post: string | null;
    skip: string[];
    next: number | null;
    waitingFor: string;
  }> = [
    { name: "nothing due yet", input: input({ now: T0 + DAY }), post: null, skip: [], next: T0 + 3.5 * DAY, waitingFor: "next-stage" },
    { name: "first stage due", input: input({ now: T0 + 4 * DAY }), post: "50%", skip: [], next: T0 + 7 * DAY, waitingFor: "next-stage" },
    { name: "a stage is due at its exact due time", input: input({ now: T0 + 3.5 * DAY }), post: "50%", skip: [], next: T0 + 7 * DAY, waitingFor: "next-stage" },
    {
      name: "first seen with every stage due: only the highest, the rest skipped",
      input: input({ now: T0 + 11 * DAY }),
      post: "150%",
      skip: ["50%", "100%"],
      next: null,
      waitingFor: "nothing",
    },
    {
      name: "two of three due: the higher one, the lower skipped",
      input: input({ now: T0 + 8 * DAY }),
      post: "100%",
      skip: ["50%"],
      next: T0 + 10.5 * DAY,
      waitingFor: "next-stage",
    },
    {
      name: "the next stage after one already posted",
      input: input({ now: T0 + 8 * DAY, postedStageIds: new Set(["50%"]) }),
      post: "100%",
      skip: [],
      next: T0 + 10.5 * DAY,
      waitingFor: "next-stage",
    },
    {
      name: "everything posted: nothing left",
      input: input({ now: T0 + 20 * DAY, postedStageIds: new Set(["50%", "100%", "150%"]) }),
      post: null,
      skip: [],
      next: null,
      waitingFor: "nothing",
    },
    {
      name: "snoozed: nothing posted, look again when the snooze ends",
      input: input({ now: T0 + 8 * DAY, postedStageIds: new Set(["50%"]), snoozedUntil: T0 + 9 * DAY }),
      post: null,
      skip: [],
      next: T0 + 9 * DAY,
      waitingFor: "snooze",
    },
    {
      name: "a snooze shorter than the wait for the next stage changes nothing",
      input: input({ now: T0 + DAY, snoozedUntil: T0 + 2 * DAY }),
      post: null,
      skip: [],
      next: T0 + 3.5 * DAY,
      waitingFor: "next-stage",
    },
    {
      name: "an expired snooze no longer holds anything back",
      input: input({ now: T0 + 4 * DAY, snoozedUntil: T0 + 4 * DAY }),
      post: "50%",
      skip: [],
      next: T0 + 7 * DAY,
      waitingFor: "next-stage",
    },
    {
      name: "a stage below one already posted (ladder edited) is retired, not posted",
      input: input({ now: T0 + 8 * DAY, postedStageIds: new Set(["100%"]) }),
      post: null,
      skip: ["50%"],
      next: T0 + 10.5 * DAY,
      waitingFor: "next-stage",
    },
    {
      name: "merged: nothing, ever",
      input: input({ now: T0 + 8 * DAY, record: merged(record({ number: 7 }), T0 + 7 * DAY) }),
      post: null,
      skip: [],
      next: null,
      waitingFor: "closed",
    },
    {
      name: "closed: nothing, ever",
      input: input({ now: T0 + 8 * DAY, record: closed(record({ number: 7 }), T0 + 7 * DAY) }),
      post: null,
      skip: [],
      next: null,
      waitingFor: "closed",
    },
    {
      name: "policy disabled: nothing",
      input: input({ now: T0 + 8 * DAY, policy: policy({ enabled: false }) }),
      post: null,
      skip: [],
      next: null,
      waitingFor: "disabled",
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const plan = planEscalation(c.input);
      assert.equal(plan.post?.id ?? null, c.post);
      assert.deepEqual(plan.skip, c.skip);
      assert.equal(plan.nextEvaluationAt, c.next);
      assert.equal(plan.waitingFor, c.waitingFor);
    });
  }

  it("gives the SLA, its due time and the ladder with absolute due times", () => {
    const plan = planEscalation(input({ now: T0 }));
    assert.equal(plan.slaClass, "patch");
    assert.equal(plan.slaMs, 7 * DAY);
    assert.equal(plan.dueAt, T0 + 7 * DAY);
    assert.deepEqual(
      plan.stages.map((s) => [s.stage.id, s.dueAt]),
      [["50%", T0 + 3.5 * DAY], ["100%", T0 + 7 * DAY], ["150%", T0 + 10.5 * DAY]],
    );
  });

  it("runs from the lineage start, not from this PR's creation", () => {
    const plan = planEscalation(input({ now: T0 + 4 * DAY, record: record({ number: 8, createdAt: T0 + 3 * DAY }) }));
    assert.equal(plan.post?.id, "50%");
  });

  it("uses the class of the update: a critical security fix is due in 2 days", () => {
    const security = record({ number: 9, update: { ...record({ number: 9 }).update, security: true, severity: "critical" } });
    const plan = planEscalation(input({ now: T0 + 1.5 * DAY, record: security }));
    assert.equal(plan.slaClass, "security.critical");
    assert.equal(plan.dueAt, T0 + 2 * DAY);
    assert.equal(plan.post?.id, "50%");
  });

  it("is deterministic", () => {
    const i = input({ now: T0 + 8 * DAY });
    assert.deepEqual(planEscalation(i), planEscalation(i));
  });
});

describe("planEscalation with working hours", () => {
  const officeHours: Policy = policy({ workingHours: { startMinute: 9 * 60, endMinute: 17 * 60 } });

  it("waits for the window when a stage falls due at night", () => {
    const plan = planEscalation(input({ now: T0 + 4 * DAY + 3 * HOUR, policy: officeHours })); // Thu 03:00 UTC
    assert.equal(plan.post, null);
    assert.deepEqual(plan.skip, []);
    assert.equal(plan.nextEvaluationAt, T0 + 4 * DAY + 9 * HOUR);
    assert.equal(plan.waitingFor, "working-hours");
  });

  it("posts inside the window and schedules the next stage for its next window", () => {
    const plan = planEscalation(input({ now: T0 + 4 * DAY + 10 * HOUR, policy: officeHours }));
    assert.equal(plan.post?.id, "50%");
    assert.equal(plan.nextEvaluationAt, T0 + 7 * DAY + 9 * HOUR); // due Sun 00:00, window opens 09:00
  });

  it("a snooze that ends at night waits for the window after it", () => {
    const plan = planEscalation(input({ now: T0 + 4 * DAY + 10 * HOUR, policy: officeHours, snoozedUntil: T0 + 5 * DAY + 20 * HOUR }));
    assert.equal(plan.post, null);
    assert.equal(plan.nextEvaluationAt, T0 + 6 * DAY + 9 * HOUR);
    assert.equal(plan.waitingFor, "snooze");
  });
});

describe("planEscalation stage kinds", () => {
  it("mixes fraction and fixed-time stages, ranked by due time whatever the configured order", () => {
    const ladder = withLadder(policy(), [
      { id: "100%", at: { fraction: 1 }, mention: "owners", label: null },
      { id: "1d", at: { afterMs: DAY }, mention: "none", label: null },
    ]);
    const plan = planEscalation(input({ now: T0 + DAY, policy: ladder }));
    assert.deepEqual(plan.stages.map((s) => s.stage.id), ["1d", "100%"]);
    assert.equal(plan.post?.id, "1d");
    assert.equal(plan.nextEvaluationAt, T0 + 7 * DAY);
  });

  it("counts business days in the policy's time zone", () => {
    const friday = Date.parse("2026-11-06T11:00:00Z"); // Fri 12:00 CET
    const business = policy({ businessDays: true, timezone: "Europe/Berlin" });
    const plan = planEscalation(input({ now: friday + DAY, lineageStartedAt: friday, policy: business }));
    // 3.5 business days: Friday's 12 h, then Monday to Wednesday.
    assert.equal(new Date(plan.stages[0]!.dueAt).toISOString(), "2026-11-11T23:00:00.000Z");
    // 7 business days: Friday's 12 h, a full week, then Monday and half of Tuesday.
    assert.equal(new Date(plan.dueAt).toISOString(), "2026-11-17T11:00:00.000Z");
    assert.equal(plan.post, null, "Saturday counts for nothing");
  });

  it("never falls due under an infinite SLA", () => {
    const never = policy({ sla: { ...policy().sla, patch: Infinity } });
    const plan = planEscalation(input({ now: T0 + 1000 * DAY, policy: never }));
    assert.equal(plan.post, null);
    assert.equal(plan.nextEvaluationAt, null);
    assert.equal(plan.waitingFor, "nothing");
  });
});
