// Table cells and short phrases shared by the digest renderers. Anything from a PR, an alert or a snooze
// passes through escapeUntrusted, which also escapes `|` so a value cannot split a table cell.
import { dayCount, formatDate, relativeDays } from "../check-run/format-days.js";
import { formatDuration } from "../format-duration.js";
import { escapeUntrusted } from "../markdown-escape.js";
import { advisoryLink } from "../advisory-link.js";
import type { PackageChange } from "../types.js";
import type { CiState, SeverityKey, SnoozeFacts, StalePatch } from "./model.js";

const MAX_ADVISORIES = 3;
/** owner/repo as GitHub allows it: only then may it become a cross-repository reference. */
export const SAFE_REPO = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;

export const SEVERITY_TITLE: Record<SeverityKey, string> = {
  critical: "Critical",
  high: "High",
  moderate: "Moderate",
  low: "Low",
  unknown: "Unknown severity",
};

export function packagesCell(packages: readonly PackageChange[]): string {
  const [first, ...rest] = packages;
  if (first === undefined) return "packages not known";
  if (first.replacedBy !== undefined) {
    // The arriving package is part of the same change, not one "more".
    const others = rest.filter((change) => change.name !== first.replacedBy).length;
    const arriving = rest.find((change) => change.name === first.replacedBy);
    const version = arriving?.to ? ` ${escapeUntrusted(arriving.to, 40)}` : "";
    const extra = others > 0 ? ` (+${others} more)` : "";
    return `${escapeUntrusted(first.name, 100)} → ${escapeUntrusted(first.replacedBy, 100)}${version}${extra}`;
  }
  const from = first.from === null ? "" : ` ${escapeUntrusted(first.from, 40)}`;
  const to = first.to === null ? " → ?" : ` → ${escapeUntrusted(first.to, 40)}`;
  const more = rest.length > 0 ? ` (+${rest.length} more)` : "";
  return `${escapeUntrusted(first.name, 100)}${from}${to}${more}`;
}

/** Only ids in GHSA or CVE form become links (to GitHub and NVD); anything else is left out. */
export function advisoriesCell(ids: readonly string[], webUrl?: string): string {
  const links = [...new Set(ids.map((id) => advisoryLink(id, webUrl)).filter((link): link is string => link !== null))];
  if (links.length === 0) return "—";
  const shown = links.slice(0, MAX_ADVISORIES);
  return links.length > shown.length ? `${shown.join(", ")} +${links.length - shown.length}` : shown.join(", ");
}

export function slaCell(slaMs: number, dueAt: number, now: number): string {
  if (!Number.isFinite(dueAt)) return "none";
  const state = dueAt <= now ? `**overdue ${dayCount(now - dueAt)}**` : `due ${relativeDays(dueAt, now)}`;
  return `${formatDuration(slaMs)}, ${state}`;
}

const CI_TEXT: Record<CiState, string> = { passing: "passing", failing: "**failing**", pending: "running", unknown: "—" };
export const ciCell = (ci: CiState): string => CI_TEXT[ci];

export function stageCell(stage: StalePatch["stage"]): string {
  return stage === null ? "—" : `${stage.position} of ${stage.of} (${escapeUntrusted(stage.id, 20)})`;
}

/** The snoozer is named, never mentioned: "@" gets its zero-width space from escapeUntrusted. */
export function snoozeCell(snooze: SnoozeFacts | null): string {
  if (snooze === null) return "—";
  return `until ${formatDate(snooze.until)} by ${escapeUntrusted(`@${snooze.by}`, 41)}: ${escapeUntrusted(snooze.reason, 120)}`;
}

/** `#12` inside its own repository; `owner/repo#12` elsewhere, or inert text for a name GitHub would not allow. */
export function prRef(repo: string, number: number, sameRepo: boolean): string {
  if (sameRepo) return `#${number}`;
  return SAFE_REPO.test(repo) ? `${repo}#${number}` : `${escapeUntrusted(repo, 140)} \\#${number}`;
}

export const repoText = (repo: string): string => (SAFE_REPO.test(repo) ? repo : escapeUntrusted(repo, 140));

export const percent = (share: number | null): string => (share === null ? "—" : `${Math.round(share * 100)}%`);
export const durationText = (ms: number | null): string => (ms === null ? "—" : formatDuration(ms));
export const ageText = (ms: number): string => dayCount(ms);
