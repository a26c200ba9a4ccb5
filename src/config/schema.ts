// Every key of `.github/merge-discipline.yml` in one place: type, default, one-line doc and constraints.
// DEFAULT_POLICY, the README reference and the JSON Schema are all derived from this tree.
import { SLA_CLASSES } from "../domain/policy.js";
import type { BackfillComments, Mention, WorkingHours } from "../domain/policy.js";
import type { Field, Parsed, Problems, ValueOf } from "./field.js";
import { list, map, object, optional, refine } from "./field.js";
import { bool, clockTime, label, oneOf, stageAt, timeZone } from "./fields.js";
import { DIGEST } from "./schema-digest.js";
import { AUTO_MERGE, GATE, SNOOZE } from "./schema-merging.js";
import { CLASS_ALIASES, classDurations, principals } from "./schema-parts.js";

export const MENTIONS: readonly Mention[] = ["none", "owners", "contacts", "owners-and-contacts"];

const stage = object(
  {
    at: stageAt({
      doc: 'When the stage falls due: a percentage of the class\'s SLA ("50%") or a duration after the update\'s lineage began ("3d").',
    }),
    mention: oneOf(MENTIONS, { noun: "mention", doc: "Who the stage's comment mentions.", default: "none" }),
    label: optional(label({ doc: "Label added to the pull request at this stage; none when not set." })),
  },
  { doc: "One step of an escalation ladder." },
);

type Stage = ValueOf<typeof stage>;

/** Ids end up in hidden markers and Redis keys, so "72h" next to "3d" would be one stage counted twice. */
function uniqueStageIds(stages: Array<Stage | undefined>, path: string, problems: Problems): void {
  const seen = new Map<string, number>();
  stages.forEach((item, index) => {
    if (item === undefined) return;
    const first = seen.get(item.at.id);
    if (first === undefined) seen.set(item.at.id, index);
    else problems.push({ path: `${path}[${index}].at`, message: `duplicate stage "${item.at.id}" (the same as ${path}[${first}])` });
  });
}

const ladder = (doc: string, defaultStages?: unknown): Field<Stage[]> =>
  list(stage, { type: "list of stages", doc, default: defaultStages, nonEmpty: true, check: uniqueStageIds });

const workingHours = object(
  {
    start: clockTime({ doc: "Start of the window, local time.", default: "09:00" }),
    end: clockTime({ doc: 'End of the window, local time ("24:00" for midnight).', default: "17:00" }),
  },
  { doc: "Nudges outside this daily window wait for the next one; not set: any time." },
);

const clock = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

function windowOf({ start, end }: ValueOf<typeof workingHours>): Parsed<WorkingHours> {
  if (start < end) return { value: { startMinute: start, endMinute: end } };
  return { problem: `start (${clock(start)}) must be before end (${clock(end)})` };
}

const checkedWorkingHours = refine(workingHours, windowOf);

export const CONFIG_SCHEMA = object(
  {
    enabled: bool({ doc: "Installing the app is the opt-in; a repository or the organisation can switch it off.", default: true }),
    sla: classDurations(
      { security: { critical: "2d", high: "7d", moderate: "14d", low: "30d", unknown: "14d" }, major: "30d", minor: "14d", patch: "7d", other: "14d" },
      "Target time-to-merge per class.",
    ),
    escalation: object(
      {
        stages: ladder("The default ladder for every class; stages are sorted by when they fall due.", [
          { at: "50%", mention: "none" },
          { at: "100%", mention: "owners", label: "overdue" },
          { at: "200%", mention: "owners-and-contacts", label: "escalated" },
        ]),
        by_class: map(SLA_CLASSES, ladder(`A whole ladder for one class (${SLA_CLASSES.join(", ")}), replacing the default one.`), {
          type: "mapping of class to list of stages",
          doc: "Ladders for single classes, each replacing the default ladder for its class.",
          noun: "class",
          aliases: CLASS_ALIASES,
          example: {
            "security.critical": [
              { at: "1d", mention: "owners-and-contacts", label: "overdue" },
              { at: "2d", mention: "owners-and-contacts", label: "escalated" },
            ],
          },
        }),
        contacts: object(principals({ users: "Users mentioned as contacts.", teams: 'Teams mentioned as contacts, as "org/team-slug".' }), {
          doc: "Who an escalation mentions besides the owners, e.g. a security team.",
        }),
      },
      { doc: "What happens as an update ages: a ladder of stages, each mentioning people and adding a label." },
    ),
    owners: object(
      {
        ...principals({ users: "Fallback owners: users.", teams: 'Fallback owners: teams, as "org/team-slug".' }),
        codeowners: bool({ doc: "Use the CODEOWNERS entries of the changed manifest.", default: true }),
      },
      { doc: "Fallback owners when a pull request has no requested reviewers or assignees and CODEOWNERS names none." },
    ),
    schedule: object(
      {
        timezone: timeZone({ doc: "IANA time zone for business days and working hours.", default: "UTC" }),
        business_days: bool({ doc: "Count only Monday to Friday when measuring SLA time.", default: false }),
        working_hours: optional(checkedWorkingHours, { start: "09:00", end: "17:00" }),
      },
      { doc: "When time counts and when nudges are sent." },
    ),
    snooze: SNOOZE,
    gate: GATE,
    auto_merge: AUTO_MERGE,
    digest: DIGEST,
    backfill: object(
      {
        comments: oneOf<BackfillComments>(["security", "all", "none"], {
          noun: "choice",
          doc:
            "Which pull requests already overdue when the app first looks at a repository (install, repository added, unsuspend) get an escalation comment at once: " +
            '"security" (only security updates), "all", or "none". The others get their check run and labels at once, and a comment from their next stage on.',
          default: "security",
        }),
      },
      { doc: "How a first look at a repository with a backlog avoids flooding it with comments." },
    ),
  },
  { doc: "merge-discipline configuration.", ignore: ["_extends"] },
);

/** The file once read: YAML-shaped, defaults filled in, durations in ms. */
export type Config = ValueOf<typeof CONFIG_SCHEMA>;
