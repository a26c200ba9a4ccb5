import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_POLICY } from "../../src/config/default-policy.js";
import { exampleYaml } from "../../src/config/example-yaml.js";
import { parsePolicy } from "../../src/config/parse-policy.js";
import { parsePolicyYaml } from "../../src/config/parse-policy-yaml.js";
import { CONFIG_SCHEMA } from "../../src/config/schema.js";
import { uncommentExamples } from "./uncomment-examples.js";
import type { EscalationStage, Policy, SlaClass } from "../../src/domain/policy.js";
import { SLA_CLASSES } from "../../src/domain/policy.js";

const H = 3_600_000;
const D = 24 * H;

const DEFAULT_LADDER: EscalationStage[] = [
  { id: "50%", at: { fraction: 0.5 }, mention: "none", label: null },
  { id: "100%", at: { fraction: 1 }, mention: "owners", label: "overdue" },
  { id: "200%", at: { fraction: 2 }, mention: "owners-and-contacts", label: "escalated" },
];

/** The defaults as the brief and the README promise them, written out by hand on purpose. */
const DOCUMENTED: Policy = {
  enabled: true,
  sla: {
    "security.critical": 2 * D,
    "security.high": 7 * D,
    "security.moderate": 14 * D,
    "security.low": 30 * D,
    "security.unknown": 14 * D,
    major: 30 * D,
    minor: 14 * D,
    patch: 7 * D,
    other: 14 * D,
  },
  stages: Object.fromEntries(SLA_CLASSES.map((slaClass) => [slaClass, DEFAULT_LADDER])) as Record<SlaClass, EscalationStage[]>,
  owners: { users: [], teams: [], codeowners: true },
  contacts: { users: [], teams: [] },
  businessDays: false,
  timezone: "UTC",
  workingHours: null,
  snooze: {
    max: {
      "security.critical": 3 * D,
      "security.high": 7 * D,
      "security.moderate": 14 * D,
      "security.low": 30 * D,
      "security.unknown": 14 * D,
      major: 30 * D,
      minor: 30 * D,
      patch: 30 * D,
      other: 30 * D,
    },
    allow: { users: [], teams: [] },
  },
  gate: { mode: "off", minSeverity: "high" },
  autoMerge: { classes: [], method: "squash" },
  digest: {
    enabled: true,
    schedule: "0 9 * * 1",
    timezone: "UTC",
    openWhenClean: false,
    mentionOwners: true,
    assignees: [],
    orgRepo: ".github",
    orgOldest: 10,
  },
  backfill: { comments: "security" },
};

function policyOf(raw: unknown): Policy {
  const { policy, problems } = parsePolicy(raw);
  assert.deepEqual(problems, []);
  assert.ok(policy);
  return policy;
}

const withDefaults = (change: Partial<Policy>): Policy => ({ ...DOCUMENTED, ...change });
const ids = (stages: EscalationStage[]): string[] => stages.map((stage) => stage.id);

describe("defaults", () => {
  it("DEFAULT_POLICY is exactly the documented defaults", () => assert.deepEqual(DEFAULT_POLICY, DOCUMENTED));

  for (const raw of [{}, null, undefined, { _extends: ".github" }]) {
    it(`a file of ${JSON.stringify(raw)} gives the defaults`, () => assert.deepEqual(policyOf(raw), DOCUMENTED));
  }

  it("the generated example file reads back as the defaults", () => {
    assert.deepEqual(parsePolicyYaml(exampleYaml(CONFIG_SCHEMA)), { policy: DOCUMENTED, problems: [] });
  });

  it("the commented-out examples in the example file are valid when uncommented", () => {
    const uncommented = uncommentExamples(exampleYaml(CONFIG_SCHEMA));
    const { policy, problems } = parsePolicyYaml(uncommented);
    assert.deepEqual(problems, []);
    assert.deepEqual(policy?.workingHours, { startMinute: 9 * 60, endMinute: 17 * 60 });
    assert.deepEqual(ids(policy?.stages["security.critical"] ?? []), ["1d", "2d"]);
    assert.deepEqual(policy?.autoMerge, { classes: ["security.moderate", "security.low", "patch"], method: "squash" });
  });
});

describe("merging a partial file with the defaults", () => {
  const table: Array<[string, unknown, Partial<Policy>]> = [
    ["one SLA", { sla: { security: { critical: "1d" } } }, { sla: { ...DOCUMENTED.sla, "security.critical": D } }],
    ["a class SLA", { sla: { patch: "20s" } }, { sla: { ...DOCUMENTED.sla, patch: 20_000 } }],
    ["switched off", { enabled: false }, { enabled: false }],
    ["business days only", { schedule: { business_days: true } }, { businessDays: true }],
    ["a time zone, spelt loosely", { schedule: { timezone: "europe/berlin" } }, { timezone: "Europe/Berlin" }],
    ["an alias time zone kept as written", { schedule: { timezone: "EST" } }, { timezone: "EST" }],
    ["working hours", { schedule: { working_hours: { start: "8:30", end: "24:00" } } }, { workingHours: { startMinute: 510, endMinute: 1440 } }],
    ["working hours from their defaults", { schedule: { working_hours: {} } }, { workingHours: { startMinute: 540, endMinute: 1020 } }],
    ["working hours left empty", { schedule: { working_hours: null } }, {}],
    ["owners without CODEOWNERS", { owners: { users: ["alice"], codeowners: false } }, { owners: { users: ["alice"], teams: [], codeowners: false } }],
    ["contacts, repeated names once", { escalation: { contacts: { users: ["Bob", "bob", "dependabot[bot]"], teams: ["acme/sec"] } } }, { contacts: { users: ["Bob", "dependabot[bot]"], teams: ["acme/sec"] } }],
    ["empty sections", { sla: null, escalation: { stages: null, by_class: null }, owners: null }, {}],
    ["new sections left empty", { snooze: null, gate: null, auto_merge: { classes: null } }, {}],
    ["one snooze limit", { snooze: { max: { security: { critical: "1d" }, major: "2w" } } }, { snooze: { ...DOCUMENTED.snooze, max: { ...DOCUMENTED.snooze.max, "security.critical": D, major: 14 * D } } }],
    ["snoozers, repeated names once", { snooze: { allow: { users: ["Carol", "carol"], teams: ["acme/triage"] } } }, { snooze: { ...DOCUMENTED.snooze, allow: { users: ["Carol"], teams: ["acme/triage"] } } }],
    ["a blocking gate", { gate: { mode: "block" } }, { gate: { mode: "block", minSeverity: "high" } }],
    ["a warning gate from medium up", { gate: { mode: "warn", min_severity: "moderate" } }, { gate: { mode: "warn", minSeverity: "moderate" } }],
    ["auto-merge, classes once and in class order", { auto_merge: { classes: ["patch", "security.low", "patch", "minor"], method: "rebase" } }, { autoMerge: { classes: ["security.low", "minor", "patch"], method: "rebase" } }],
    ["auto-merge of majors only when listed", { auto_merge: { classes: ["major"] } }, { autoMerge: { classes: ["major"], method: "squash" } }],
  ];
  for (const [name, raw, change] of table) {
    it(name, () => assert.deepEqual(policyOf(raw), withDefaults(change)));
  }

  it("a given stage list replaces the default ladder for every class", () => {
    const policy = policyOf({ escalation: { stages: [{ at: "1d", mention: "owners" }] } });
    for (const slaClass of SLA_CLASSES) {
      assert.deepEqual(policy.stages[slaClass], [{ id: "1d", at: { afterMs: D }, mention: "owners", label: null }]);
    }
  });

  it("a class ladder replaces the ladder of that class only", () => {
    const policy = policyOf({ escalation: { by_class: { "security.critical": [{ at: "12h", mention: "contacts", label: "urgent" }] } } });
    assert.deepEqual(policy.stages["security.critical"], [{ id: "12h", at: { afterMs: 12 * H }, mention: "contacts", label: "urgent" }]);
    assert.deepEqual(policy.stages["security.high"], DEFAULT_LADDER);
    assert.deepEqual(policy.stages.major, DEFAULT_LADDER);
  });
});

describe("stages", () => {
  it("ids are the normalised `at` and percentages become fractions", () => {
    const policy = policyOf({ escalation: { stages: [{ at: "050%" }, { at: "12.5%" }, { at: "72h" }, { at: "1w" }, { at: "36h" }] } });
    assert.deepEqual(
      policy.stages.major.map((stage) => [stage.id, stage.at]),
      // major's SLA is 30d, so 12.5% falls due after 3d18h.
      [["1d12h", { afterMs: 36 * H }], ["3d", { afterMs: 3 * D }], ["12.5%", { fraction: 0.125 }], ["7d", { afterMs: 7 * D }], ["50%", { fraction: 0.5 }]],
    );
  });

  it("are sorted by when they fall due under each class's SLA", () => {
    const policy = policyOf({ escalation: { stages: [{ at: "100%" }, { at: "3d" }, { at: "10%" }] } });
    // critical: 100% = 2d comes before 3d; patch: 3d comes before 100% = 7d.
    assert.deepEqual(ids(policy.stages["security.critical"]), ["10%", "100%", "3d"]);
    assert.deepEqual(ids(policy.stages.patch), ["10%", "3d", "100%"]);
  });

  it("due at the same moment keep the file's order", () => {
    const policy = policyOf({ escalation: { stages: [{ at: "2d", mention: "owners" }, { at: "100%" }] } });
    assert.deepEqual(ids(policy.stages["security.critical"]), ["2d", "100%"]);
  });

  it("a stage without mention mentions nobody", () => {
    assert.equal(policyOf({ escalation: { stages: [{ at: "10s" }] } }).stages.minor[0]?.mention, "none");
  });
});
