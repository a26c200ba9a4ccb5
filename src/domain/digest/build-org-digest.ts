// The organisation's week: a row per repo, the oldest stale patches anywhere, and the pooled trend.
import type { MergeSample, OrgDigest, OrgRow, RepoDigest } from "./model.js";
import { SEVERITY_ORDER } from "./model.js";
import { ageOf, countBySeverity, staleFixes } from "./stale-fixes.js";
import { ttmWindows, weeklyTrend } from "./ttm.js";

export interface OrgDigestOptions {
  /** Defaults to the owner of the first repo. */
  org?: string;
  /** Defaults to the first repo digest's time zone, else UTC. */
  timezone?: string;
}

export function buildOrgDigest(repos: RepoDigest[], now: number, oldest: number, options: OrgDigestOptions = {}): OrgDigest {
  const org = options.org ?? repos[0]?.repo.split("/")[0] ?? "";
  const timezone = options.timezone ?? repos[0]?.timezone ?? "UTC";
  const stale = repos.flatMap((repo) => repo.stale);
  const alerts = repos.flatMap((repo) => repo.alertsWithoutPr);
  // Medians do not average: pool every repo's samples and take the median of the pool.
  const merges: MergeSample[] = repos.flatMap((repo) => repo.merges);
  return {
    org,
    now,
    rows: repos.map(rowOf).sort(byConcern),
    // staleFixes' order breaks ties between equally old fixes.
    oldest: staleFixes(stale, alerts).sort((a, b) => ageOf(b) - ageOf(a)).slice(0, Math.max(0, oldest)),
    staleTotal: stale.length,
    alertsTotal: alerts.length,
    trend: weeklyTrend(merges, now, timezone),
    current: ttmWindows(merges, now).current,
  };
}

/** The severity columns count stale PRs and open alerts without one alike: both are fixes still missing. */
function rowOf(repo: RepoDigest): OrgRow {
  const fixes = staleFixes(repo.stale, repo.alertsWithoutPr);
  return {
    repo: repo.repo,
    staleBySeverity: countBySeverity(fixes),
    staleTotal: repo.stale.length,
    alertsWithoutPr: repo.alertsWithoutPr.length,
    oldestAgeMs: fixes.length === 0 ? null : Math.max(...fixes.map(ageOf)),
    slo: repo.ttm.current.slo,
    medianMs: repo.ttm.current.summary.medianMs,
  };
}

/** The most critical stale fixes first, then the most of them, then the oldest. */
function byConcern(a: OrgRow, b: OrgRow): number {
  for (const severity of SEVERITY_ORDER) {
    const difference = b.staleBySeverity[severity] - a.staleBySeverity[severity];
    if (difference !== 0) return difference;
  }
  return (b.oldestAgeMs ?? -1) - (a.oldestAgeMs ?? -1) || b.alertsWithoutPr - a.alertsWithoutPr || a.repo.localeCompare(b.repo);
}
