import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parsePolicy } from "../../src/config/parse-policy.js";
import type { ConfigProblem } from "../../src/domain/policy.js";

const stages = (...list: unknown[]): unknown => ({ escalation: { stages: list } });
const sla = (security: unknown): unknown => ({ sla: { security } });
const p = (path: string, message: string): ConfigProblem => ({ path, message });

const CLASSES = "security.critical, security.high, security.moderate, security.low, security.unknown, major, minor, patch or other";
const DURATION_HINT = "use 30s, 15m, 36h, 2d or 1w";
const OUT_OF_RANGE = "is out of range: use a duration between 10s and 365d";
const TOP_KEYS = "unknown key: use enabled, sla, escalation, owners, schedule, snooze, gate, auto_merge, digest or backfill";

const table: Array<[string, unknown, ConfigProblem[]]> = [
  // the file as a whole
  ["a list instead of a mapping", ["sla"], [p("(file)", "must be a mapping of keys")]],
  ["a bare word", "enabled", [p("(file)", "must be a mapping of keys")]],
  // unknown keys, severities and classes
  ["a misspelt key", { enabeld: true }, [p("enabeld", 'unknown key (did you mean "enabled"?)')]],
  ["a key in capitals", { SLA: {} }, [p("SLA", 'unknown key (did you mean "sla"?)')]],
  ["a key with a dash", { schedule: { "business-days": true } }, [p("schedule.business-days", 'unknown key (did you mean "business_days"?)')]],
  ["a key far from any", { colour: "red" }, [p("colour", TOP_KEYS)]],
  ["GitHub's medium severity", sla({ medium: "7d" }), [p("sla.security.medium", 'unknown severity (did you mean "moderate"?)')]],
  ["an unknown severity", sla({ urgent: "1d" }), [p("sla.security.urgent", "unknown severity: use critical, high, moderate, low or unknown")]],
  ["an unknown class in sla", { sla: { majr: "30d" } }, [p("sla.majr", 'unknown class (did you mean "major"?)')]],
  ["an unknown class in by_class", { escalation: { by_class: { "security.urgent": [{ at: "1d" }] } } }, [p("escalation.by_class.security.urgent", `unknown class: use ${CLASSES}`)]],
  ["by_class with medium", { escalation: { by_class: { "security.medium": [{ at: "1d" }] } } }, [p("escalation.by_class.security.medium", 'unknown class (did you mean "security.moderate"?)')]],
  ["keys every object inherits", { toString: "x", constructor: 1 }, [p("toString", TOP_KEYS), p("constructor", TOP_KEYS)]],
  ["an inherited key as severity", sla({ constructor: "1d" }), [p("sla.security.constructor", "unknown severity: use critical, high, moderate, low or unknown")]],
  ["a __proto__ key", JSON.parse('{"__proto__": {"enabled": false}}'), [p("__proto__", TOP_KEYS)]],
  ["an unknown stage key", stages({ at: "1d", lable: "x" }), [p("escalation.stages[0].lable", 'unknown key (did you mean "label"?)')]],
  // wrong types
  ["stages as a string", { escalation: { stages: "50%" } }, [p("escalation.stages", "must be a list of stages")]],
  ["a class ladder as a mapping", { escalation: { by_class: { major: { at: "1d" } } } }, [p("escalation.by_class.major", "must be a list of stages")]],
  ["sla as a duration", { sla: "7d" }, [p("sla", "must be a mapping of keys")]],
  ["users as one name", { owners: { users: "alice" } }, [p("owners.users", "must be a list of logins")]],
  ["teams as a mapping", { owners: { teams: { acme: "sec" } } }, [p("owners.teams", "must be a list of teams")]],
  ["enabled as a word", { enabled: "yes" }, [p("enabled", '"yes" is not true or false')]],
  ["codeowners as a number", { owners: { codeowners: 1 } }, [p("owners.codeowners", "1 is not true or false")]],
  // durations
  ["not a duration", sla({ critical: "3x" }), [p("sla.security.critical", `"3x" is not a duration: ${DURATION_HINT}`)]],
  ["a duration in months", { sla: { major: "1mo" } }, [p("sla.major", `"1mo" is not a duration: ${DURATION_HINT}`)]],
  ["a bare number", { sla: { patch: 7 } }, [p("sla.patch", "7 is not a duration: add a unit, e.g. 7d")]],
  ["a list as a duration", { sla: { patch: ["7d"] } }, [p("sla.patch", `must be a duration: ${DURATION_HINT}`)]],
  ["a negative duration", sla({ high: "-1d" }), [p("sla.security.high", `"-1d" ${OUT_OF_RANGE}`)]],
  ["a zero duration", sla({ high: "0s" }), [p("sla.security.high", `"0s" ${OUT_OF_RANGE}`)]],
  ["too short", { sla: { minor: "9s" } }, [p("sla.minor", `"9s" ${OUT_OF_RANGE}`)]],
  ["too long", { sla: { minor: "366d" } }, [p("sla.minor", `"366d" ${OUT_OF_RANGE}`)]],
  // stages
  ["a stage without at", stages({ mention: "owners" }), [p("escalation.stages[0].at", "is required")]],
  ["an empty stage", stages(null), [p("escalation.stages[0]", "is required")]],
  ["at as a number", stages({ at: 50 }), [p("escalation.stages[0].at", "50 has no unit: write 50% or a duration such as 50d")]],
  ["at not a percentage", stages({ at: "half%" }), [p("escalation.stages[0].at", '"half%" is not a percentage: use e.g. 50%')]],
  ["at below 1%", stages({ at: "0.5%" }), [p("escalation.stages[0].at", '"0.5%" is out of range: use a percentage between 1% and 1000%')]],
  ["at above 1000%", stages({ at: "1001%" }), [p("escalation.stages[0].at", '"1001%" is out of range: use a percentage between 1% and 1000%')]],
  ["at not a duration", stages({ at: "soon" }), [p("escalation.stages[0].at", `"soon" is not a duration: ${DURATION_HINT}`)]],
  ["at too late", stages({ at: "400d" }), [p("escalation.stages[0].at", `"400d" ${OUT_OF_RANGE}`)]],
  ["a misspelt mention", stages({ at: "1d", mention: "owner" }), [p("escalation.stages[0].mention", '"owner" is not a mention (did you mean "owners"?)')]],
  ["an unknown mention", stages({ at: "1d", mention: "everyone" }), [p("escalation.stages[0].mention", '"everyone" is not a mention: use none, owners, contacts or owners-and-contacts')]],
  ["an empty label", stages({ at: "1d", label: "" }), [p("escalation.stages[0].label", "must be 1 to 50 characters (got 0)")]],
  ["a long label", stages({ at: "1d", label: "x".repeat(51) }), [p("escalation.stages[0].label", "must be 1 to 50 characters (got 51)")]],
  ["a label as a number", stages({ at: "1d", label: 404 }), [p("escalation.stages[0].label", "404 is not a label name: write it as text")]],
  ["an empty ladder", { escalation: { stages: [] } }, [p("escalation.stages", "must not be empty")]],
  ["an empty class ladder", { escalation: { by_class: { "security.critical": [] } } }, [p("escalation.by_class.security.critical", "must not be empty")]],
  [
    "duplicate stage ids",
    stages({ at: "50%" }, { at: "72h" }, { at: "3d" }, { at: "50.0%" }),
    [
      p("escalation.stages[2].at", 'duplicate stage "3d" (the same as escalation.stages[1])'),
      p("escalation.stages[3].at", 'duplicate stage "50%" (the same as escalation.stages[0])'),
    ],
  ],
  [
    "duplicates in a class ladder",
    { escalation: { by_class: { patch: [{ at: "1d" }, { at: "24h" }] } } },
    [p("escalation.by_class.patch[1].at", 'duplicate stage "1d" (the same as escalation.by_class.patch[0])')],
  ],
  // schedule
  ["a made-up time zone", { schedule: { timezone: "Mars/Olympus" } }, [p("schedule.timezone", '"Mars/Olympus" is not an IANA time zone: use e.g. "Europe/Berlin" or "UTC"')]],
  ["an empty time zone", { schedule: { timezone: "" } }, [p("schedule.timezone", '"" is not an IANA time zone: use e.g. "Europe/Berlin" or "UTC"')]],
  ["an offset as time zone", { schedule: { timezone: "+01:00" } }, [p("schedule.timezone", '"+01:00" is not an IANA time zone: use e.g. "Europe/Berlin" or "UTC"')]],
  ["working hours backwards", { schedule: { working_hours: { start: "17:00", end: "09:00" } } }, [p("schedule.working_hours", "start (17:00) must be before end (09:00)")]],
  ["working hours of no length", { schedule: { working_hours: { start: "09:00", end: "09:00" } } }, [p("schedule.working_hours", "start (09:00) must be before end (09:00)")]],
  ["a start after the default end", { schedule: { working_hours: { start: "18:00" } } }, [p("schedule.working_hours", "start (18:00) must be before end (17:00)")]],
  ["a time in words", { schedule: { working_hours: { start: "9am" } } }, [p("schedule.working_hours.start", '"9am" is not a time: use "HH:MM", e.g. "09:00"')]],
  ["a time past midnight", { schedule: { working_hours: { end: "25:00" } } }, [p("schedule.working_hours.end", '"25:00" is not a time: use "HH:MM", e.g. "09:00"')]],
  ["a time as minutes (YAML 1.1)", { schedule: { working_hours: { start: 540 } } }, [p("schedule.working_hours.start", '540 is not a time: use "HH:MM", e.g. "09:00"')]],
  ["working hours as a string", { schedule: { working_hours: "9-17" } }, [p("schedule.working_hours", "must be a mapping of keys")]],
  // people
  ["a login with @", { owners: { users: ["@alice"] } }, [p("owners.users[0]", '"@alice": write it without "@"')]],
  ["a login with a space", { owners: { users: ["alice smith"] } }, [p("owners.users[0]", '"alice smith" is not a GitHub login: write a user name such as "octocat"')]],
  ["a login too long", { owners: { users: ["a".repeat(40)] } }, [p("owners.users[0]", `"${"a".repeat(40)}" is not a GitHub login: write a user name such as "octocat"`)]],
  ["a login as a number", { owners: { users: [42] } }, [p("owners.users[0]", '42 is not a GitHub login: write a user name such as "octocat"')]],
  ["a team without org", { escalation: { contacts: { teams: ["security"] } } }, [p("escalation.contacts.teams[0]", '"security" is not a team: write "org/team-slug"')]],
  ["a team with @", { escalation: { contacts: { teams: ["@acme/security"] } } }, [p("escalation.contacts.teams[0]", '"@acme/security": write it without "@"')]],
  // snooze
  ["a snooze limit not a duration", { snooze: { max: { patch: "forever" } } }, [p("snooze.max.patch", `"forever" is not a duration: ${DURATION_HINT}`)]],
  ["a snooze limit for medium", { snooze: { max: { security: { medium: "7d" } } } }, [p("snooze.max.security.medium", 'unknown severity (did you mean "moderate"?)')]],
  ["a snooze limit too long", { snooze: { max: { major: "400d" } } }, [p("snooze.max.major", `"400d" ${OUT_OF_RANGE}`)]],
  ["a misspelt snooze key", { snooze: { alow: { users: ["carol"] } } }, [p("snooze.alow", 'unknown key (did you mean "allow"?)')]],
  ["a snoozer with @", { snooze: { allow: { users: ["@carol"] } } }, [p("snooze.allow.users[0]", '"@carol": write it without "@"')]],
  ["a snoozing team without org", { snooze: { allow: { teams: ["triage"] } } }, [p("snooze.allow.teams[0]", '"triage" is not a team: write "org/team-slug"')]],
  // gate
  ["a misspelt gate mode", { gate: { mode: "blok" } }, [p("gate.mode", '"blok" is not a gate mode (did you mean "block"?)')]],
  ["a gate mode far from any", { gate: { mode: "strict" } }, [p("gate.mode", '"strict" is not a gate mode: use off, warn or block')]],
  ["a gate mode as a boolean", { gate: { mode: false } }, [p("gate.mode", "false is not a gate mode: use off, warn or block")]],
  ["GitHub's medium as gate severity", { gate: { min_severity: "medium" } }, [p("gate.min_severity", '"medium" is not a severity (did you mean "moderate"?)')]],
  ["an unknown gate severity", { gate: { min_severity: "urgent" } }, [p("gate.min_severity", '"urgent" is not a severity: use critical, high, moderate or low')]],
  ["the gate as a word", { gate: "block" }, [p("gate", "must be a mapping of keys")]],
  // auto-merge
  ["a misspelt auto-merge class", { auto_merge: { classes: ["patch", "securty.low"] } }, [p("auto_merge.classes[1]", '"securty.low" is not a class (did you mean "security.low"?)')]],
  ["medium as an auto-merge class", { auto_merge: { classes: ["security.medium"] } }, [p("auto_merge.classes[0]", '"security.medium" is not a class (did you mean "security.moderate"?)')]],
  ["an unknown auto-merge class", { auto_merge: { classes: ["everything"] } }, [p("auto_merge.classes[0]", `"everything" is not a class: use ${CLASSES}`)]],
  ["auto-merge classes as one word", { auto_merge: { classes: "patch" } }, [p("auto_merge.classes", "must be a list of classes")]],
  ["an empty auto-merge class", { auto_merge: { classes: [null] } }, [p("auto_merge.classes[0]", "is required")]],
  ["a misspelt merge method", { auto_merge: { method: "sqash" } }, [p("auto_merge.method", '"sqash" is not a merge method (did you mean "squash"?)')]],
  ["auto-merge with a dash", { "auto-merge": { classes: ["patch"] } }, [p("auto-merge", 'unknown key (did you mean "auto_merge"?)')]],
];

describe("parsePolicy problems", () => {
  for (const [name, raw, expected] of table) {
    it(name, () => assert.deepEqual(parsePolicy(raw), { policy: null, problems: expected }));
  }
});

describe("parsePolicy accepts the edges of every range", () => {
  const valid: Array<[string, unknown]> = [
    ["10s", { sla: { patch: "10s" } }],
    ["365d", { sla: { patch: "365d" } }],
    ["1%", stages({ at: "1%" })],
    ["1000%", stages({ at: "1000%" })],
    ["a 39-character login", { owners: { users: ["a".repeat(39)] } }],
    ["a bot login", { owners: { users: ["renovate[bot]"] } }],
    ["a 50-character label", stages({ at: "1d", label: "x".repeat(50) })],
    ["00:00 to 24:00", { schedule: { working_hours: { start: "00:00", end: "24:00" } } }],
  ];
  for (const [name, raw] of valid) {
    it(name, () => assert.deepEqual(parsePolicy(raw).problems, []));
  }
});

describe("parsePolicy collects every problem", () => {
  it("reports all problems of a file at once, in schema order", () => {
    const { policy, problems } = parsePolicy({
      _extends: ".github",
      enabld: true,
      sla: { security: { critical: "3x", high: "-2d" }, patch: 7 },
      escalation: { stages: [{ at: "50%", mention: "owner" }, { at: "50%" }], by_class: { "security.urgent": [] }, contacts: { teams: ["sec"] } },
      owners: { users: ["@alice", "bob"] },
      schedule: { timezone: "Nowhere/Town", working_hours: { start: "17:00", end: "09:00" } },
    });
    assert.equal(policy, null);
    assert.deepEqual(
      problems.map((problem) => problem.path),
      [
        "enabld",
        "sla.security.critical",
        "sla.security.high",
        "sla.patch",
        "escalation.stages[0].mention",
        "escalation.by_class.security.urgent",
        "escalation.contacts.teams[0]",
        "owners.users[0]",
        "schedule.timezone",
        "schedule.working_hours",
      ],
    );
  });

  it("ignores _extends only at the top", () => {
    assert.deepEqual(parsePolicy({ sla: { _extends: ".github" } }).problems, [p("sla._extends", "unknown class: use security, major, minor, patch or other")]);
  });
});

describe("parsePolicy never throws", () => {
  const strange: unknown[] = [
    42,
    true,
    [],
    new Date(0),
    { sla: { security: [] } },
    { escalation: { stages: [[], 1, "x", { at: {} }, { at: null, mention: [] }] } },
    { escalation: { by_class: [] } },
    { schedule: { working_hours: { start: null, end: {} } } },
    { owners: { users: [null, {}, []] } },
    Object.create(null) as unknown,
    { ["__proto__"]: { enabled: false } },
    { toString: "x", constructor: 1 },
  ];
  for (const raw of strange) {
    it(`for ${typeof raw === "object" ? JSON.stringify(raw) : String(raw)}`, () => {
      const result = parsePolicy(raw);
      assert.equal(result.policy === null, result.problems.length > 0);
    });
  }
});
