// Stale pull requests and open alerts that have none are one list: a critical alert Dependabot opened no PR
// for is as urgent as a critical PR, and is counted and ordered with them.
import type { AlertWithoutPr, SeverityKey, StalePatch } from "./model.js";
import { SEVERITY_ORDER } from "./model.js";

export type StaleFix = { kind: "pull"; patch: StalePatch } | { kind: "alert"; alert: AlertWithoutPr };

const facts = (fix: StaleFix): { repo: string; number: number; severity: SeverityKey; overdueMs: number; ageMs: number } =>
  fix.kind === "pull" ? fix.patch : fix.alert;

export const severityOf = (fix: StaleFix): SeverityKey => facts(fix).severity;
export const ageOf = (fix: StaleFix): number => facts(fix).ageMs;

const rank = (severity: SeverityKey): number => SEVERITY_ORDER.indexOf(severity);

/** Severity, then how far past its SLA, then a stable order (a PR before an alert of the same number). */
export function byFixUrgency(a: StaleFix, b: StaleFix): number {
  const x = facts(a);
  const y = facts(b);
  return (
    rank(x.severity) - rank(y.severity) ||
    y.overdueMs - x.overdueMs ||
    x.repo.localeCompare(y.repo) ||
    (a.kind === b.kind ? 0 : a.kind === "pull" ? -1 : 1) ||
    x.number - y.number
  );
}

export function staleFixes(patches: readonly StalePatch[], alerts: readonly AlertWithoutPr[]): StaleFix[] {
  return [...patches.map((patch) => ({ kind: "pull" as const, patch })), ...alerts.map((alert) => ({ kind: "alert" as const, alert }))].sort(byFixUrgency);
}

export function countBySeverity(fixes: readonly StaleFix[]): Record<SeverityKey, number> {
  const counts = Object.fromEntries(SEVERITY_ORDER.map((severity) => [severity, 0])) as Record<SeverityKey, number>;
  for (const fix of fixes) counts[severityOf(fix)] += 1;
  return counts;
}

/** "1 critical · 2 high", most severe first, empty severities left out. */
export function severityCounts(fixes: readonly StaleFix[]): string {
  const counts = countBySeverity(fixes);
  return SEVERITY_ORDER.filter((severity) => counts[severity] > 0)
    .map((severity) => `${counts[severity]} ${severity}`)
    .join(" · ");
}
