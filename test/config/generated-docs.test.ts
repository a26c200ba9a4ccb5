import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { sectionBetweenMarkers } from "../../src/config/doc-markers.js";
import {
  CONFIGURATION_FILE,
  configurationFileText,
  README_FILE,
  REGENERATE_COMMAND,
  SCHEMA_FILE,
  schemaFileText,
} from "../../src/config/doc-files.js";
import { exampleYaml } from "../../src/config/example-yaml.js";
import { configJsonSchema, configReferenceMarkdown } from "../../src/config/generate-docs.js";
import { CONFIG_SCHEMA } from "../../src/config/schema.js";
import { schemaErrors } from "./json-schema-check.js";
import { uncommentExamples } from "./uncomment-examples.js";

const ROOT = join(import.meta.dirname, "..", "..");
const read = (file: string): string | null => (existsSync(join(ROOT, file)) ? readFileSync(join(ROOT, file), "utf8") : null);
const stale = (file: string): string => `${file} differs from what src/config/schema.ts generates: run \`${REGENERATE_COMMAND}\``;

describe("generated docs are up to date", () => {
  it(SCHEMA_FILE, () => assert.equal(read(SCHEMA_FILE), schemaFileText(), stale(SCHEMA_FILE)));

  it(CONFIGURATION_FILE, () => assert.equal(read(CONFIGURATION_FILE), configurationFileText(), stale(CONFIGURATION_FILE)));

  it(`${README_FILE}, when it has the reference markers`, (t) => {
    const section = sectionBetweenMarkers(read(README_FILE) ?? "");
    if (section === null) return t.skip("no markers in README.md");
    assert.equal(section, `\n${configReferenceMarkdown()}`, stale(README_FILE));
  });
});

describe("the JSON Schema", () => {
  const schema = configJsonSchema() as Record<string, unknown>;
  const defaults = parse(exampleYaml(CONFIG_SCHEMA)) as Record<string, unknown>;
  const errors = (change: Record<string, unknown>): string[] => schemaErrors(schema, { ...defaults, ...change });

  it("is draft 2020-12 and closed at the top", () => {
    assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
    assert.equal(schema.additionalProperties, false);
  });

  it("accepts the example with every default, and an empty file", () => {
    assert.deepEqual(schemaErrors(schema, defaults), []);
    assert.deepEqual(schemaErrors(schema, {}), []);
  });

  it("accepts the commented-out examples and _extends", () => {
    const uncommented = parse(uncommentExamples(exampleYaml(CONFIG_SCHEMA))) as Record<string, unknown>;
    assert.deepEqual(schemaErrors(schema, { ...uncommented, _extends: ".github" }), []);
  });

  const rejected: Array<[string, Record<string, unknown>, string]> = [
    ["an unknown key", { colour: "red" }, "colour: additional property"],
    ["an unknown nested key", { sla: { security: { urgent: "1d" } } }, "sla.security.urgent: additional property"],
    ["an unknown class ladder", { escalation: { by_class: { "security.urgent": [{ at: "1d" }] } } }, "escalation.by_class.security.urgent (name): not in enum"],
    ["a bad duration", { sla: { patch: "3x" } }, "sla.patch: pattern"],
    ["a bad stage time", { escalation: { stages: [{ at: "soon" }] } }, "escalation.stages[0].at: pattern"],
    ["a stage without at", { escalation: { stages: [{ mention: "owners" }] } }, "escalation.stages[0].at: required"],
    ["an empty stage", { escalation: { stages: [null] } }, "escalation.stages[0]: type null"],
    ["an empty ladder", { escalation: { stages: [] } }, "escalation.stages: minItems"],
    ["a bad mention", { escalation: { stages: [{ at: "1d", mention: "all" }] } }, "escalation.stages[0].mention: not in enum"],
    ["a bad login", { owners: { users: ["@alice"] } }, "owners.users[0]: pattern"],
    ["a bad team", { owners: { teams: ["security"] } }, "owners.teams[0]: pattern"],
    ["a bad time", { schedule: { working_hours: { start: "9am" } } }, "schedule.working_hours.start: pattern"],
    ["a wrong type", { enabled: "yes" }, "enabled: type string"],
    ["a bad snooze limit", { snooze: { max: { patch: "forever" } } }, "snooze.max.patch: pattern"],
    ["a bad gate mode", { gate: { mode: "blocking" } }, "gate.mode: not in enum"],
    ["a bad gate severity", { gate: { min_severity: "medium" } }, "gate.min_severity: not in enum"],
    ["a bad auto-merge class", { auto_merge: { classes: ["securty.low"] } }, "auto_merge.classes[0]: not in enum"],
    ["a bad merge method", { auto_merge: { method: "fast-forward" } }, "auto_merge.method: not in enum"],
    ["a 6-field cron", { digest: { schedule: "0 0 9 * * 1" } }, "digest.schedule: pattern"],
    ["an owner in org_repo", { digest: { org_repo: "acme/.github" } }, "digest.org_repo: pattern"],
    ["too many oldest patches", { digest: { org_oldest: 101 } }, "digest.org_oldest: maximum"],
    ["a fractional org_oldest", { digest: { org_oldest: 2.5 } }, "digest.org_oldest: type number"],
  ];
  for (const [name, change, expected] of rejected) {
    it(`rejects ${name}`, () => assert.deepEqual(errors(change), [expected]));
  }

  it("describes every key and gives the defaults", () => {
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    assert.equal(properties.enabled?.default, true);
    assert.equal(typeof properties.sla?.description, "string");
    const sla = properties.sla?.properties as Record<string, Record<string, unknown>>;
    assert.equal(sla.patch?.default, "7d");
  });
});

describe("the reference", () => {
  const markdown = configReferenceMarkdown();
  const keys = [...markdown.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]);

  it("has a row for every key, in schema order", () => {
    assert.deepEqual(keys, [
      "enabled",
      "sla",
      "sla.security",
      ...["critical", "high", "moderate", "low", "unknown"].map((severity) => `sla.security.${severity}`),
      "sla.major",
      "sla.minor",
      "sla.patch",
      "sla.other",
      "escalation",
      "escalation.stages",
      "escalation.stages[].at",
      "escalation.stages[].mention",
      "escalation.stages[].label",
      "escalation.by_class",
      "escalation.by_class.<class>",
      "escalation.contacts",
      "escalation.contacts.users",
      "escalation.contacts.teams",
      "owners",
      "owners.users",
      "owners.teams",
      "owners.codeowners",
      "schedule",
      "schedule.timezone",
      "schedule.business_days",
      "schedule.working_hours",
      "schedule.working_hours.start",
      "schedule.working_hours.end",
      "snooze",
      "snooze.max",
      "snooze.max.security",
      ...["critical", "high", "moderate", "low", "unknown"].map((severity) => `snooze.max.security.${severity}`),
      "snooze.max.major",
      "snooze.max.minor",
      "snooze.max.patch",
      "snooze.max.other",
      "snooze.allow",
      "snooze.allow.users",
      "snooze.allow.teams",
      "gate",
      "gate.mode",
      "gate.min_severity",
      "auto_merge",
      "auto_merge.classes",
      "auto_merge.method",
      "digest",
      "digest.enabled",
      "digest.schedule",
      "digest.timezone",
      "digest.open_when_clean",
      "digest.mention_owners",
      "digest.assignees",
      "digest.org_repo",
      "digest.org_oldest",
      "backfill",
      "backfill.comments",
    ]);
  });

  it("shows type, default and doc in each row", () => {
    assert.match(markdown, /^\| `sla\.security\.critical` \| duration \| `2d` \| Security update, critical severity\. \|$/m);
    assert.match(markdown, /^\| `escalation\.stages\[\]\.at` \| percentage or duration \| required \| /m);
    assert.match(markdown, /^\| `schedule\.working_hours` \| mapping \| not set \| /m);
    assert.match(markdown, /^\| `snooze\.max\.security\.critical` \| duration \| `3d` \| Security update, critical severity\. \|$/m);
    assert.match(markdown, /^\| `gate\.mode` \| one of `off`, `warn`, `block` \| `off` \| /m);
    assert.match(markdown, /^\| `auto_merge\.classes` \| list of classes \| `\[\]` \| /m);
  });

  it("ends with the example file", () => {
    assert.ok(markdown.includes(`\`\`\`yaml\n${exampleYaml(CONFIG_SCHEMA)}\`\`\`\n`));
  });
});
