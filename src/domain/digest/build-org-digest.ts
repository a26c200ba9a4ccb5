// The organisation's week: a row per repo, the oldest stale patches anywhere, and the pooled trend.
import type { MergeSample, OrgDigest, OrgRow, RepoDigest, SeverityKey } from "./model.js";
import { SEVERITY_ORDER } from "./model.js";
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
  // Medians do not average: pool every repo's samples and take the median of the pool.
  const merges: MergeSample[] = repos.flatMap((repo) => repo.merges);
  return {
    org,
    now,
    rows: repos.map(rowOf).sort(byConcern),
    oldest: [...stale].sort((a, b) => b.ageMs - a.ageMs || a.repo.localeCompare(b.repo) || a.number - b.number).slice(0, Math.max(0, oldest)),
    staleTotal: stale.length,
    trend: weeklyTrend(merges, now, timezone),
    current: ttmWindows(merges, now).current,
  };
}

function rowOf(repo: RepoDigest): OrgRow {
  const staleBySeverity = Object.fromEntries(SEVERITY_ORDER.map((severity) => [severity, 0])) as Record<SeverityKey, number>;
  for (const patch of repo.stale) staleBySeverity[patch.severity] += 1;
  return {
    repo: repo.repo,
    staleBySeverity,
    staleTotal: repo.stale.length,
    alertsWithoutPr: repo.alertsWithoutPr.length,
    oldestAgeMs: repo.stale.length === 0 ? null : Math.max(...repo.stale.map((patch) => patch.ageMs)),
    slo: repo.ttm.current.slo,
    medianMs: repo.ttm.current.summary.medianMs,
  };
}

/** The most critical stale patches first, then the most stale patches, then the oldest. */
function byConcern(a: OrgRow, b: OrgRow): number {
  for (const severity of SEVERITY_ORDER) {
    const difference = b.staleBySeverity[severity] - a.staleBySeverity[severity];
    if (difference !== 0) return difference;
  }
  return (b.oldestAgeMs ?? -1) - (a.oldestAgeMs ?? -1) || b.alertsWithoutPr - a.alertsWithoutPr || a.repo.localeCompare(b.repo);
}
