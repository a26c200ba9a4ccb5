// The comments that close last week's digest issue: an all-clear, or a pointer to this week's issue.
import { escapeUntrusted } from "../markdown-escape.js";

/** A week is "all clear" when nothing is stale; the caller closes the issue after posting this. */
export function renderAllClear(week: string, lastIssueNumber?: number): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(week) ? week : escapeUntrusted(week, 10);
  const which = lastIssueNumber === undefined ? "this digest" : `this digest (#${lastIssueNumber})`;
  return (
    `**All clear for the week of ${date}:** no security patch is past its first reminder and ` +
    `no open alert is past its SLA without a pull request. Closing ${which}.`
  );
}

const REFERENCE = /^(?:#\d+|[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}#\d+|https:\/\/[A-Za-z0-9.-]+(?::\d+)?\/[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}\/issues\/\d+)$/;

/** Only an issue reference or an issue URL is written as is; anything else is shown inert. */
export function renderSuperseded(newIssueUrlOrRef: string): string {
  const target = REFERENCE.test(newIssueUrlOrRef) ? newIssueUrlOrRef : escapeUntrusted(newIssueUrlOrRef, 200);
  return `Superseded by this week's digest: ${target}. Closing this one.`;
}
