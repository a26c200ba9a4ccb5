// "What to do now" for the people who own the update, in the order that unblocks it: a conflict first (a
// rebase may also fix CI), then a failing build, then merging. Each bot is asked in its own way.
import type { Bot } from "../types.js";
import type { PrFacts } from "./pr-check-input.js";
import { activeSnooze, approvedOpen, isOverdue } from "./pr-check-input.js";

/** A code span keeps GitHub from treating it as a mention, and the line never starts with it, so Dependabot does not act on our text. */
export const REBASE: Record<Bot, string> = {
  dependabot: "comment `@dependabot rebase` to have Dependabot rebase it",
  renovate: "tick the rebase checkbox in the pull request body to have Renovate rebase it",
};

const SNOOZE_HINT =
  "If it has to wait, snooze the reminders with the buttons above or `/merge-discipline snooze <duration> <reason>` " +
  "(`/merge-discipline help` lists every command).";

export function adviceLines(facts: PrFacts): string[] {
  const { record, ci, mergeable } = facts;
  if (facts.autoMerge?.state === "merged" || record.state === "merged") return ["Nothing to do: this update is merged."];
  if (record.state === "closed") return ["Nothing to do: this pull request is closed."];
  const approved = approvedOpen(facts) !== null && mergeable !== false && ci !== "failing" && facts.autoMerge?.state !== "enabled";
  const now = [approved ? "It is approved: merge it." : firstStep(facts.record.update.bot, ci, mergeable ?? null, facts.autoMerge?.state)];
  if (isOverdue(facts) && activeSnooze(facts) === null) now.push("It is past its SLA: merge it or say why it waits.");
  return [`**What to do now:** ${now.join(" ")}`, SNOOZE_HINT];
}

function firstStep(bot: Bot, ci: PrFacts["ci"], mergeable: boolean | null, autoMerge: string | undefined): string {
  if (mergeable === false) return `It conflicts with the base branch: ${REBASE[bot]}.`;
  if (ci === "failing") {
    return (
      "This update needs a fix. Owners: look at the failing checks, then fix the code for the new version on this " +
      "branch, or close the update and tell the bot to ignore this version."
    );
  }
  if (ci === "passing") return autoMerge === "enabled" ? "Ready to merge; auto-merge merges it." : "Ready to merge: review and merge it.";
  if (ci === "pending") return "Wait for CI to finish, then review and merge it.";
  return "Review it and merge it once its checks pass.";
}
