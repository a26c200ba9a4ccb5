// How an approval reads in the check, the status command and the nudge. Relative text stays to the day
// (format-days.ts), so re-rendering an unchanged approval writes nothing.
import { escapeUntrusted } from "../markdown-escape.js";
import type { Approval } from "../review-approval.js";
import { formatDate, relativeDays } from "./format-days.js";
import type { PrFacts } from "./pr-check-input.js";

/** "@maria", "@maria and @li", "@maria and 2 others": the title has room for one name. */
export function approvers(approval: Approval): string {
  const [first, ...rest] = approval.by.map((login) => `@${escapeUntrusted(login, 40)}`);
  if (rest.length === 0) return first ?? "";
  return rest.length === 1 ? `${first} and ${rest[0]}` : `${first} and ${rest.length} others`;
}

/** "Approved by @maria 5 days ago, still open — merge it". */
export function approvedTitle(approval: Approval, now: number): string {
  return `Approved by ${approvers(approval)} ${relativeDays(approval.at, now)}, still open — merge it`;
}

/** "approved by @maria on 2026-11-28 (5 days ago)"; a stale approval says it predates the head. */
export function approvalPhrase(approval: Approval, now: number): string {
  const stale = approval.stale ? ", of an earlier commit than the current head" : "";
  return `approved by ${approvers(approval)} on ${formatDate(approval.at)} (${relativeDays(approval.at, now)})${stale}`;
}

export function approvalLine({ approval, record, now }: PrFacts): string | null {
  if (record.state !== "open" || approval === undefined || approval === null) return null;
  return `- **Review:** ${approvalPhrase(approval, now)}`;
}
