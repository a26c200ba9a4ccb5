// The keys about getting updates merged rather than reminding about them: snoozes (set by comment commands
// and check-run buttons), the repository gate while a security fix is overdue, and auto-merge.
import { SLA_CLASSES } from "../domain/policy.js";
import type { GateMode, MergeMethod } from "../domain/policy.js";
import { list, object } from "./field.js";
import { oneOf } from "./fields.js";
import { CLASS_ALIASES, classDurations, principals, SEVERITIES, SEVERITY_ALIASES } from "./schema-parts.js";

export const GATE_MODES: readonly GateMode[] = ["off", "warn", "block"];
export const MERGE_METHODS: readonly MergeMethod[] = ["merge", "squash", "rebase"];

export const SNOOZE = object(
  {
    max: classDurations(
      { security: { critical: "3d", high: "7d", moderate: "14d", low: "30d", unknown: "14d" }, major: "30d", minor: "30d", patch: "30d", other: "30d" },
      "Longest snooze a command or button may set, per class; a longer request is cut to this.",
    ),
    allow: object(principals({ users: "Users who may snooze without write access.", teams: 'Teams whose members may snooze without write access, as "org/team-slug".' }), {
      doc: "Who may snooze besides people with write access to the repository; empty: writers only.",
    }),
  },
  { doc: "Snoozing pauses reminders and escalation for one pull request: `/merge-discipline snooze 3d <reason>`." },
);

export const GATE = object(
  {
    mode: oneOf(GATE_MODES, {
      noun: "gate mode",
      doc: "While a security update at or above min_severity is overdue, other open pull requests get a check: off, warn (neutral) or block (failure).",
      default: "off",
    }),
    min_severity: oneOf(SEVERITIES, {
      noun: "severity",
      doc: "The least severe overdue security update that triggers the gate.",
      default: "high",
      aliases: SEVERITY_ALIASES,
    }),
  },
  { doc: 'A "merge-discipline gate" check on other pull requests while a security fix is overdue.' },
);

export const AUTO_MERGE = object(
  {
    classes: list(oneOf(SLA_CLASSES, { noun: "class", doc: "An SLA class, e.g. patch or security.low.", aliases: CLASS_ALIASES }), {
      type: "list of classes",
      doc: 'Classes whose genuine bot pull requests merge themselves once CI passes; empty: off. A major update merges only if "major" is listed too.',
      default: [],
      example: ["patch", "security.low", "security.moderate"],
    }),
    method: oneOf(MERGE_METHODS, { noun: "merge method", doc: "How auto-merge merges.", default: "squash" }),
  },
  { doc: "Merging bot pull requests without a person, for the classes listed." },
);
