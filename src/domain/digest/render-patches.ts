// The patch tables and the alert list: what people act on, so they come first and most urgent first.
import { formatDuration } from "../format-duration.js";
import { escapeUntrusted } from "../markdown-escape.js";
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

export function patchRow(patch: StalePatch, now: number, sameRepo: boolean): string {
  const cells = [
    prRef(patch.repo, patch.number, sameRepo),
    packagesCell(patch.packages),
    advisoriesCell(patch.advisories),
    ageText(patch.ageMs),
    slaCell(patch.slaMs, patch.dueAt, now),
    ciCell(patch.ci),
    stageCell(patch.stage),
    snoozeCell(patch.snooze),
  ];
  return `| ${cells.join(" | ")} |`;
}

const PATCH_HEAD = "| PR | Update | Advisories | Age | SLA | CI | Reminder | Snoozed |\n|---|---|---|---|---|---|---|---|";

/** One severity's table; `hidden` patches of this severity did not fit and are counted at the end. */
export function patchesTable(severity: SeverityKey, patches: readonly StalePatch[], now: number, hidden = 0): string {
  const total = patches.length + hidden;
  const rows = patches.map((patch) => patchRow(patch, now, true));
  const more = hidden > 0 ? `\n\n…and ${hidden} more` : "";
  return `### ${SEVERITY_TITLE[severity]} (${total})\n\n${PATCH_HEAD}\n${rows.join("\n")}${more}`;
}

/** The first `shown` patches (already most urgent first), grouped by severity; cut groups say how many are left. */
export function patchesSection(patches: readonly StalePatch[], now: number, shown = patches.length): string {
  const visible = patches.slice(0, shown);
  return SEVERITY_ORDER.flatMap((severity) => {
    const all = patches.filter((patch) => patch.severity === severity);
    if (all.length === 0) return [];
    const inGroup = visible.filter((patch) => patch.severity === severity);
    if (inGroup.length === 0) return [`### ${SEVERITY_TITLE[severity]} (${all.length})\n\n…and ${all.length} more`];
    return [patchesTable(severity, inGroup, now, all.length - inGroup.length)];
  }).join("\n\n");
}

function alertLine(alert: AlertWithoutPr, repo: string): string {
  const where = `${escapeUntrusted(alert.ecosystem, 30)}, ${escapeUntrusted(alert.manifestPath, 120)}`;
  // Built from the repo name and number, never from a URL taken from elsewhere.
  const link = SAFE_REPO.test(repo) ? ` ([alert ${alert.number}](https://github.com/${repo}/security/dependabot/${alert.number}))` : "";
  const advisories = advisoriesCell(alert.advisories);
  const ids = advisories === "—" ? "" : ` · ${advisories}`;
  return (
    `- **${alert.severity}** · ${escapeUntrusted(alert.packageName, 100)} (${where})${ids} · ` +
    `open ${ageText(alert.ageMs)}, ${ageText(alert.overdueMs)} past its ${formatDuration(alert.slaMs)} SLA${link}`
  );
}

export function alertsSection(alerts: readonly AlertWithoutPr[], repo: string, shown = alerts.length): string {
  if (alerts.length === 0) return "";
  const lines = alerts.slice(0, shown).map((alert) => alertLine(alert, repo));
  if (alerts.length > shown) lines.push(`- …and ${alerts.length - shown} more`);
  return (
    `### Open alerts without a pull request (${alerts.length})\n\n` +
    "Dependabot has not opened a pull request for these alerts (often because the fix needs a major version " +
    "or conflicts with another requirement), and they are past their SLA.\n\n" +
    lines.join("\n")
  );
}
