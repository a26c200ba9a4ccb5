// The tables of stale fixes: what people act on, so they come first, most urgent first. A pull request and
// an open alert Dependabot opened none for share a table, by severity and then by how far past the SLA.
import { escapeUntrusted } from "../markdown-escape.js";
import { alertUrl, GITHUB_WEB_URL } from "../web-links.js";
import type { AlertWithoutPr, SeverityKey, StalePatch } from "./model.js";
import { SEVERITY_ORDER } from "./model.js";
import {
  advisoriesCell,
  ageText,
  ciCell,
  packagesCell,
  prRef,
  SAFE_REPO,
  SEVERITY_TITLE,
  slaCell,
  snoozeCell,
  stageCell,
} from "./render-cells.js";
import { severityOf, type StaleFix } from "./stale-fixes.js";

export function patchRow(patch: StalePatch, now: number, sameRepo: boolean, webUrl?: string): string {
  const cells = [
    // Approved but open: the one step left is pressing merge, which the row says.
    patch.approvedAt === null ? prRef(patch.repo, patch.number, sameRepo) : `${prRef(patch.repo, patch.number, sameRepo)}, approved ${ageText(now - patch.approvedAt)} ago, still open`,
    packagesCell(patch.packages),
    advisoriesCell(patch.advisories, webUrl),
    ageText(patch.ageMs),
    slaCell(patch.slaMs, patch.dueAt, now),
    ciCell(patch.ci),
    stageCell(patch.stage),
    snoozeCell(patch.snooze),
  ];
  return `| ${cells.join(" | ")} |`;
}

/** The alert's link is built from the repo name and number, never from a URL taken from elsewhere. */
export function alertRow(alert: AlertWithoutPr, now: number, sameRepo: boolean, webUrl = GITHUB_WEB_URL): string {
  const name = `${sameRepo ? "" : `${SAFE_REPO.test(alert.repo) ? alert.repo : escapeUntrusted(alert.repo, 140)} `}alert ${alert.number}`;
  const ref = SAFE_REPO.test(alert.repo) ? `[${name}](${alertUrl(webUrl, alert.repo, alert.number)})` : name;
  const where = `${escapeUntrusted(alert.ecosystem, 30)}, ${escapeUntrusted(alert.manifestPath, 120)}`;
  const cells = [
    `no PR: ${ref}`,
    `${escapeUntrusted(alert.packageName, 100)} (${where})`,
    advisoriesCell(alert.advisories, webUrl),
    ageText(alert.ageMs),
    slaCell(alert.slaMs, now - alert.overdueMs, now),
    "—",
    "—",
    "—",
  ];
  return `| ${cells.join(" | ")} |`;
}

export const fixRow = (fix: StaleFix, now: number, sameRepo: boolean, webUrl?: string): string =>
  fix.kind === "pull" ? patchRow(fix.patch, now, sameRepo, webUrl) : alertRow(fix.alert, now, sameRepo, webUrl);

export const FIX_TABLE_HEAD = "| PR | Update | Advisories | Age | SLA | CI | Reminder | Snoozed |\n|---|---|---|---|---|---|---|---|";

/** Said once, under the tables, when any row is an alert without a pull request. */
export const NO_PR_NOTE =
  "*No PR* rows are open Dependabot alerts past their SLA that Dependabot has opened no pull request for " +
  "(often because the fix needs a major version or conflicts with another requirement).";

/** One severity's table; `hidden` fixes of this severity did not fit and are counted at the end. */
export function patchesTable(severity: SeverityKey, fixes: readonly StaleFix[], now: number, hidden = 0, webUrl?: string): string {
  const total = fixes.length + hidden;
  const rows = fixes.map((fix) => fixRow(fix, now, true, webUrl));
  const more = hidden > 0 ? `\n\n…and ${hidden} more` : "";
  return `### ${SEVERITY_TITLE[severity]} (${total})\n\n${FIX_TABLE_HEAD}\n${rows.join("\n")}${more}`;
}

/** The first `shown` fixes (already most urgent first), grouped by severity; cut groups say how many are left. */
export function patchesSection(fixes: readonly StaleFix[], now: number, shown = fixes.length, webUrl?: string): string {
  const visible = fixes.slice(0, shown);
  const tables = SEVERITY_ORDER.flatMap((severity) => {
    const all = fixes.filter((fix) => severityOf(fix) === severity);
    if (all.length === 0) return [];
    const inGroup = visible.filter((fix) => severityOf(fix) === severity);
    if (inGroup.length === 0) return [`### ${SEVERITY_TITLE[severity]} (${all.length})\n\n…and ${all.length} more`];
    return [patchesTable(severity, inGroup, now, all.length - inGroup.length, webUrl)];
  });
  if (fixes.some((fix) => fix.kind === "alert")) tables.push(NO_PR_NOTE);
  return tables.join("\n\n");
}
