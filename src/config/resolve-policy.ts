// From the file's shape to the shape the domain reads: one SLA table, one sorted ladder per class.
import { SLA_CLASSES } from "../domain/policy.js";
import type { EscalationStage, Policy, Principals, SlaClass } from "../domain/policy.js";
import type { Config } from "./schema.js";
import type { ClassDurations } from "./schema-parts.js";

type ConfigStage = Config["escalation"]["stages"][number];

export function resolvePolicy(config: Config): Policy {
  const sla = classTable(config.sla);
  const stages = Object.fromEntries(
    SLA_CLASSES.map((slaClass) => {
      const ladder = config.escalation.by_class[slaClass] ?? config.escalation.stages;
      return [slaClass, sortByDue(ladder.map(toStage), sla[slaClass])];
    }),
  ) as Record<SlaClass, EscalationStage[]>;
  return {
    enabled: config.enabled,
    sla,
    stages,
    owners: { ...distinctPrincipals(config.owners), codeowners: config.owners.codeowners },
    contacts: distinctPrincipals(config.escalation.contacts),
    businessDays: config.schedule.business_days,
    timezone: config.schedule.timezone,
    workingHours: config.schedule.working_hours,
    snooze: { max: classTable(config.snooze.max), allow: distinctPrincipals(config.snooze.allow) },
    gate: { mode: config.gate.mode, minSeverity: config.gate.min_severity },
    autoMerge: { classes: canonicalClasses(config.auto_merge.classes), method: config.auto_merge.method },
    digest: {
      enabled: config.digest.enabled,
      schedule: config.digest.schedule,
      timezone: config.digest.timezone,
      openWhenClean: config.digest.open_when_clean,
      mentionOwners: config.digest.mention_owners,
      assignees: distinctPrincipals({ users: config.digest.assignees, teams: [] }).users,
      orgRepo: config.digest.org_repo,
      orgOldest: config.digest.org_oldest,
    },
    backfill: { comments: config.backfill.comments },
  };
}

function classTable(table: ClassDurations): Record<SlaClass, number> {
  return {
    "security.critical": table.security.critical,
    "security.high": table.security.high,
    "security.moderate": table.security.moderate,
    "security.low": table.security.low,
    "security.unknown": table.security.unknown,
    major: table.major,
    minor: table.minor,
    patch: table.patch,
    other: table.other,
  };
}

/** A class listed twice is still one opt-in; the canonical order makes equal policies compare equal. */
function canonicalClasses(classes: readonly SlaClass[]): SlaClass[] {
  return SLA_CLASSES.filter((slaClass) => classes.includes(slaClass));
}

function toStage(stage: ConfigStage): EscalationStage {
  return { id: stage.at.id, at: stage.at.at, mention: stage.mention, label: stage.label };
}

/** When a stage falls due, in ms after the lineage began, for a class with this SLA. */
export function stageDueMs(stage: EscalationStage, slaMs: number): number {
  return "fraction" in stage.at ? stage.at.fraction * slaMs : stage.at.afterMs;
}

/** Array#sort is stable, so stages due at the same moment keep the order the file gives them. */
function sortByDue(stages: EscalationStage[], slaMs: number): EscalationStage[] {
  return [...stages].sort((a, b) => stageDueMs(a, slaMs) - stageDueMs(b, slaMs));
}

/** GitHub logins and team slugs are case-insensitive; mentioning someone twice is noise. */
function distinctPrincipals(principals: Principals): Principals {
  const distinct = (names: string[]): string[] =>
    names.filter((name, index) => names.findIndex((other) => other.toLowerCase() === name.toLowerCase()) === index);
  return { users: distinct(principals.users), teams: distinct(principals.teams) };
}
