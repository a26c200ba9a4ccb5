// What one repository's digest model says as metric samples: the same numbers the digest issue shows.
import type { RepoDigest, SeverityKey, StalePatch } from "../digest/model.js";

export interface Sample {
  labels: Record<string, string>;
  value: number;
}

/** reminded: past its first reminder, SLA still running; overdue: SLA breached; snoozed: someone deferred it. */
export type StaleState = "reminded" | "overdue" | "snoozed";

export function staleStateOf(patch: StalePatch): StaleState {
  if (patch.snooze !== null) return "snoozed";
  return patch.overdueMs >= 0 ? "overdue" : "reminded";
}

function counted(keys: Array<Record<string, string>>): Sample[] {
  const counts = new Map<string, Sample>();
  for (const labels of keys) {
    const id = JSON.stringify(labels);
    const sample = counts.get(id) ?? { labels, value: 0 };
    sample.value += 1;
    counts.set(id, sample);
  }
  return [...counts.values()];
}

export function stalePatchSamples(digest: RepoDigest): Sample[] {
  return counted(digest.stale.map((patch) => ({ repository: digest.repo, severity: patch.severity, sla_state: staleStateOf(patch) })));
}

export function alertsWithoutPrSamples(digest: RepoDigest): Sample[] {
  return counted(digest.alertsWithoutPr.map((alert) => ({ repository: digest.repo, severity: alert.severity satisfies SeverityKey })));
}

/** Seconds the oldest stale patch of the repo has waited since its lineage began (0: none stale). */
export function oldestStaleSeconds(digest: RepoDigest): Sample {
  const oldest = Math.max(0, ...digest.stale.map((patch) => patch.ageMs));
  return { labels: { repository: digest.repo }, value: oldest / 1000 };
}
