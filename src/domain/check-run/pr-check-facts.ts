// The facts of one update as bullet lines: shared by the check run's summary and the `status` command, so the
// two never disagree. Dates are absolute and relative text is to the day (see format-days.ts).
import { formatDuration } from "../format-duration.js";
import { escapeUntrusted, inlineCode } from "../markdown-escape.js";
import type { EscalationStage } from "../policy.js";
import { formatInstant } from "../render-nudge.js";
import { dayCount, formatDate, relativeDays } from "./format-days.js";
import type { PrFacts } from "./pr-check-input.js";
import { activeSnooze } from "./pr-check-input.js";
import { classText, securityLine, updateLine } from "./update-lines.js";
import { approvalLine } from "./approval-text.js";

export function factLines(facts: PrFacts): string[] {
  const lines = [
    updateLine(facts.record.update),
    securityLine(facts.record.update, facts.webUrl),
    ageLine(facts),
    slaLine(facts),
    nextLine(facts),
    ciLine(facts),
    mergeableLine(facts),
    approvalLine(facts),
    snoozeLine(facts),
    acknowledgedLine(facts),
    autoMergeLine(facts),
  ];
  return lines.filter((line): line is string => line !== null);
}

function ageLine({ record, lineageStartedAt, now }: PrFacts): string {
  const earlier = lineageStartedAt < record.createdAt ? ", by an earlier pull request that this one replaced" : "";
  return `- **Age:** ${dayCount(now - lineageStartedAt)} since this update was first proposed (${formatInstant(lineageStartedAt)}${earlier})`;
}

function slaLine({ plan, now }: PrFacts): string {
  if (!Number.isFinite(plan.dueAt)) return `- **SLA:** none for ${classText(plan.slaClass)}`;
  const target = `${formatDuration(plan.slaMs)} for ${classText(plan.slaClass)}`;
  const when = `${formatInstant(plan.dueAt)} (${relativeDays(plan.dueAt, now)})`;
  return `- **SLA:** ${target}; ${plan.dueAt > now ? `due ${when}` : `**overdue** since ${when}`}`;
}

const WHO: Record<EscalationStage["mention"], string> = {
  none: "without mentions",
  owners: "mentioning the owners",
  contacts: "mentioning the escalation contacts",
  "owners-and-contacts": "mentioning the owners and the escalation contacts",
};

function nextLine(facts: PrFacts): string | null {
  const { record, plan, now } = facts;
  if (record.state !== "open") return null;
  if (plan.waitingFor === "disabled") return "- **Next reminder:** none: merge-discipline is switched off for this repository";
  const total = plan.stages.length;
  const index = plan.stages.findIndex((entry) => entry.dueAt > now && Number.isFinite(entry.dueAt));
  const next = plan.stages[index];
  if (next === undefined) return `- **Next reminder:** none left: ${total === 1 ? "the only reminder has" : `all ${total} reminders have`} fallen due`;
  const label = next.stage.label === null ? "" : ` and adding the label ${inlineCode(next.stage.label, 50)}`;
  const snooze = activeSnooze(facts);
  const held = snooze !== null && snooze.until > next.dueAt ? `, held back until the snooze ends on ${formatDate(snooze.until)}` : "";
  const when = `${formatInstant(next.dueAt)} (${relativeDays(next.dueAt, now)})`;
  return `- **Next reminder:** ${index + 1} of ${total} on ${when}, ${WHO[next.stage.mention]}${label}${held}`;
}

const CI_TEXT: Record<PrFacts["ci"], string> = {
  passing: "passing",
  failing: "**failing**",
  pending: "running",
  unknown: "not known yet",
};

function ciLine({ ci, record }: PrFacts): string | null {
  return record.state === "open" ? `- **CI:** ${CI_TEXT[ci]}` : null;
}

function mergeableLine({ mergeable, record }: PrFacts): string | null {
  if (record.state !== "open" || mergeable === undefined || mergeable === null) return null;
  return mergeable ? "- **Mergeable:** yes" : "- **Mergeable:** no, it conflicts with the base branch";
}

function snoozeLine(facts: PrFacts): string | null {
  const snooze = activeSnooze(facts);
  if (snooze === null) return null;
  const reason = snooze.reason.trim() === "" ? "no reason given" : escapeUntrusted(snooze.reason, 200);
  return `- **Snoozed:** until ${formatInstant(snooze.until)} by ${escapeUntrusted(snooze.by, 40)}: ${reason}`;
}

function acknowledgedLine({ acknowledged }: PrFacts): string | null {
  if (acknowledged === undefined || acknowledged === null) return null;
  return `- **Acknowledged:** by ${escapeUntrusted(acknowledged.by, 40)} on ${formatInstant(acknowledged.at)}`;
}

function autoMergeLine({ autoMerge, policy }: PrFacts): string | null {
  if (autoMerge === undefined) return null;
  const why = autoMerge.reason === null ? "" : `: ${escapeUntrusted(autoMerge.reason, 200)}`;
  switch (autoMerge.state) {
    case "off":
      return `- **Auto-merge:** off${why}`;
    case "enabled":
      return `- **Auto-merge:** on, merges itself (${policy.autoMerge.method}) once CI passes${why}`;
    case "merged":
      return `- **Auto-merge:** merged this pull request${why}`;
    case "refused":
      return `- **Auto-merge:** not merging${why}`;
  }
}
