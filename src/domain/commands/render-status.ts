// The reply to `/merge-discipline status`: the check run's headline and facts, in a comment. Built from the
// same pieces as the check run so that the two never tell different stories.
import { adviceLines } from "../check-run/pr-check-advice.js";
import { factLines } from "../check-run/pr-check-facts.js";
import type { PrFacts } from "../check-run/pr-check-input.js";
import { prCheckTitle } from "../check-run/pr-check-title.js";
import { formatInstant } from "../render-nudge.js";

/** The status command may not know mergeability, acknowledgement or auto-merge; those facts are then left out. */
export type StatusInput = PrFacts;

export function renderStatus(input: StatusInput, marker: string): string {
  const title = prCheckTitle({ ...input, mergeable: input.mergeable ?? null, acknowledged: input.acknowledged ?? null, autoMerge: input.autoMerge ?? { state: "off", reason: null }, approval: input.approval ?? null });
  const body = [
    `**merge-discipline status: ${title}** (as of ${formatInstant(input.now)})`,
    factLines(input).join("\n"),
    ...adviceLines(input),
  ].join("\n\n");
  return `${body}\n\n${marker}\n`;
}
