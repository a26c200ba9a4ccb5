// The escalation decision for one PR at one moment: which stage of its ladder to post now, which lower ones
// to retire unposted, and when to look again. Pure: the same input always gives the same plan.
import type { EscalationStage, Policy, SlaClass } from "./policy.js";
import type { PullRequestRecord } from "./pull-request-record.js";
import { slaClassOf } from "./sla-class.js";
import { addSlaTime, nextWorkingMoment } from "./sla-time.js";

export interface EscalationInput {
  record: PullRequestRecord;
  lineageStartedAt: number;
  policy: Policy;
  now: number;
  postedStageIds: ReadonlySet<string>;
  snoozedUntil: number | null;
}

export type EscalationWait = "nothing" | "next-stage" | "snooze" | "working-hours" | "closed" | "disabled";

export interface ScheduledStage {
  stage: EscalationStage;
  dueAt: number;
}

export interface EscalationPlan {
  slaClass: SlaClass;
  slaMs: number;
  /** When the SLA is breached. */
  dueAt: number;
  /** The class's ladder with absolute due times, in the order they fall due. */
  stages: ScheduledStage[];
  /** The one stage to post now: the highest due stage not yet posted. */
  post: EscalationStage | null;
  /** Due stages never posted that a higher stage (posted now or earlier) makes moot: mark done, never post. */
  skip: string[];
  nextEvaluationAt: number | null;
  waitingFor: EscalationWait;
}

export function stageOffsetMs(stage: EscalationStage, slaMs: number): number {
  return "fraction" in stage.at ? stage.at.fraction * slaMs : stage.at.afterMs;
}

function schedule(input: EscalationInput, slaMs: number, stages: readonly EscalationStage[]): ScheduledStage[] {
  const clock = input.policy;
  const scheduled = stages.map((stage) => ({
    stage,
    dueAt: addSlaTime(input.lineageStartedAt, stageOffsetMs(stage, slaMs), clock),
  }));
  // Mixed fraction and fixed-time stages may be configured out of order; rank them by when they fall due.
  // Array.prototype.sort is stable, so ties keep the configured order and the later entry ranks higher.
  return scheduled.sort((a, b) => a.dueAt - b.dueAt);
}

export function planEscalation(input: EscalationInput): EscalationPlan {
  const { record, policy, now, postedStageIds } = input;
  const slaClass = slaClassOf(record.update);
  const slaMs = policy.sla[slaClass];
  const stages = schedule(input, slaMs, policy.stages[slaClass]);
  const base = { slaClass, slaMs, dueAt: addSlaTime(input.lineageStartedAt, slaMs, policy), stages };
  const idle = (waitingFor: EscalationWait): EscalationPlan => ({
    ...base,
    post: null,
    skip: [],
    nextEvaluationAt: null,
    waitingFor,
  });
  if (record.state !== "open") return idle("closed");
  if (!policy.enabled) return idle("disabled");

  const isPosted = (entry: ScheduledStage): boolean => postedStageIds.has(entry.stage.id);
  // A stage ranked below one already posted would de-escalate (a ladder edited after the fact): moot.
  const highestPosted = lastIndexWhere(stages, isPosted);
  const dueCount = stages.filter((entry) => entry.dueAt <= now).length;
  const postable = dueCount - 1 > highestPosted ? dueCount - 1 : -1;
  const upcoming = stages.find((entry, index) => index > Math.max(highestPosted, dueCount - 1) && !isPosted(entry));

  const snoozed = input.snoozedUntil !== null && input.snoozedUntil > now;
  const readyAt = postable >= 0 ? now : upcoming?.dueAt;
  // An infinite SLA (a class that is never due) has nothing to wait for.
  if (readyAt === undefined || !Number.isFinite(readyAt)) {
    return { ...idle("nothing"), skip: mootIds(stages, highestPosted, dueCount, isPosted) };
  }

  const afterSnooze = snoozed ? Math.max(readyAt, input.snoozedUntil ?? readyAt) : readyAt;
  const openAt = nextWorkingMoment(afterSnooze, policy);
  if (postable >= 0 && openAt <= now) {
    const next = stages.find((entry, index) => index > postable && Number.isFinite(entry.dueAt));
    return {
      ...base,
      post: stages[postable]?.stage ?? null,
      skip: mootIds(stages, postable, dueCount, isPosted),
      nextEvaluationAt: next ? nextWorkingMoment(next.dueAt, policy) : null,
      waitingFor: next ? "next-stage" : "nothing",
    };
  }
  return {
    ...base,
    post: null,
    skip: mootIds(stages, highestPosted, dueCount, isPosted),
    nextEvaluationAt: openAt,
    waitingFor: waitReason(snoozed && afterSnooze > readyAt, postable >= 0),
  };
}

/** Why nothing is posted now: the snooze when it outlasts the wait for a stage, then the stage, then the hours. */
function waitReason(snoozeBinds: boolean, stageDue: boolean): EscalationWait {
  if (snoozeBinds) return "snooze";
  return stageDue ? "working-hours" : "next-stage";
}

function mootIds(
  stages: readonly ScheduledStage[],
  top: number,
  dueCount: number,
  isPosted: (entry: ScheduledStage) => boolean,
): string[] {
  return stages
    .slice(0, Math.max(0, Math.min(top, dueCount)))
    .filter((entry) => !isPosted(entry))
    .map((entry) => entry.stage.id);
}

function lastIndexWhere<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index -= 1) {
    const item = items[index];
    if (item !== undefined && predicate(item)) return index;
  }
  return -1;
}
