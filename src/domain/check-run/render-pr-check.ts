// The "merge-discipline" check run on a recognised update's head commit. Deterministic (the same input gives
// the same spec), so the caller can compare it with what GitHub shows and skip the write.
import type { CheckRunAction, CheckRunSpec } from "../../github/github-writes.js";
import { adviceLines } from "./pr-check-advice.js";
import { factLines } from "./pr-check-facts.js";
import type { PrCheckInput } from "./pr-check-input.js";
import { prCheckConclusion, prCheckTitle } from "./pr-check-title.js";

export type { Acknowledgement, AutoMergeState, CiState, PrCheckInput, SnoozeState } from "./pr-check-input.js";

export const PR_CHECK_NAME = "merge-discipline";

/** Identifiers come back in `check_run.requested_action`; labels ≤ 20 and descriptions ≤ 40 characters. */
export const PR_CHECK_ACTIONS: readonly CheckRunAction[] = [
  { label: "Snooze 1 day", description: "Pause the reminders for one day", identifier: "snooze-1d" },
  { label: "Snooze 1 week", description: "Pause the reminders for one week", identifier: "snooze-1w" },
  { label: "Acknowledge", description: "Note that you are on it", identifier: "ack" },
];

/** The button's snooze in ms, or null for an identifier that is not a snooze button. */
export function snoozeActionMs(identifier: string): number | null {
  if (identifier === "snooze-1d") return 86_400_000;
  return identifier === "snooze-1w" ? 7 * 86_400_000 : null;
}

export function renderPrCheck(input: PrCheckInput): CheckRunSpec {
  const open = input.record.state === "open" && input.autoMerge.state !== "merged";
  const summary = [factLines(input).join("\n"), ...adviceLines(input)].join("\n\n");
  return {
    name: PR_CHECK_NAME,
    status: "completed",
    conclusion: prCheckConclusion(input),
    title: prCheckTitle(input),
    summary,
    // Buttons on a merged or closed PR would snooze reminders that no longer exist.
    ...(open ? { actions: PR_CHECK_ACTIONS.map((action) => ({ ...action })) } : {}),
  };
}
