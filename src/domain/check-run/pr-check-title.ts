// The check run's headline and conclusion. The headline names the one thing that matters most right now;
// the conclusion never blocks a merge: a late or broken update is news (neutral), not a failed build.
import { formatDate, shortDays } from "./format-days.js";
import type { PrCheckInput } from "./pr-check-input.js";
import { activeSnooze, approvedOpen, isOverdue } from "./pr-check-input.js";
import { approvedTitle } from "./approval-text.js";

/** GitHub shows about this much of a title in the checks list before cutting it. */
export const MAX_TITLE_LENGTH = 60;

export function prCheckConclusion(input: PrCheckInput): "success" | "neutral" {
  if (input.record.state !== "open") return "success";
  return isOverdue(input) || input.ci === "failing" || input.autoMerge.state === "refused" ? "neutral" : "success";
}

export function prCheckTitle(input: PrCheckInput): string {
  return clip(closedTitle(input) ?? (isOverdue(input) ? overdueTitle(input) : openTitle(input)));
}

function closedTitle({ record, autoMerge }: PrCheckInput): string | null {
  if (autoMerge.state === "merged") return "Merged automatically";
  if (record.state === "merged") return "Merged";
  return record.state === "closed" ? "Closed without merging" : null;
}

function overdueTitle(input: PrCheckInput): string {
  const { plan, now, record } = input;
  const by = shortDays(now - plan.dueAt);
  // Under a day "overdue by 0d" would read as "not overdue"; the date says when it happened instead.
  const head = by === null ? `Overdue since ${formatDate(plan.dueAt)}` : `Overdue by ${by}`;
  const snooze = activeSnooze(input);
  if (snooze !== null) return `${head}, snoozed until ${formatDate(snooze.until)}`;
  const { update } = record;
  if (update.security) {
    return update.severity === null ? `${head} — security fix, severity unknown` : `${head} — ${update.severity} severity security fix`;
  }
  if (input.ci === "failing") return `${head} — CI failing`;
  if (input.mergeable === false) return `${head} — needs a rebase`;
  return approvedOpen(input) === null ? head : `${head} — approved, merge it`;
}

function openTitle(input: PrCheckInput): string {
  const snooze = activeSnooze(input);
  if (snooze !== null) return `Snoozed until ${formatDate(snooze.until)}`;
  if (input.mergeable === false) return "Merge conflict — ask the bot to rebase";
  if (input.ci === "failing") return "CI failing — this update needs a fix";
  if (input.autoMerge.state === "refused") return "Not merged automatically — see why";
  const approval = approvedOpen(input);
  if (approval !== null && input.autoMerge.state !== "enabled") return approvedTitle(approval, input.now);
  if (input.ci === "passing") return input.autoMerge.state === "enabled" ? "Ready — merging automatically" : "Ready to merge";
  if (input.autoMerge.state === "enabled") return "Merges automatically once CI passes";
  return dueTitle(input);
}

function dueTitle({ plan, now }: PrCheckInput): string {
  if (!Number.isFinite(plan.dueAt)) return "Waiting to be merged (no SLA)";
  const days = shortDays(plan.dueAt - now);
  return days === null ? "Due within a day" : `Due in ${days}`;
}

/** A safety net: every title above fits, but a cut one is better than a check GitHub refuses. */
function clip(title: string): string {
  const chars = Array.from(title);
  return chars.length <= MAX_TITLE_LENGTH ? title : `${chars.slice(0, MAX_TITLE_LENGTH - 1).join("")}…`;
}
