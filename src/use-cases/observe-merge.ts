// Use case "a bot PR merged": one time-to-merge sample, and one SLO event when it was a security fix.
// Runs once per merge webhook (the delivery is claimed before), from Redis only.
import { DEFAULT_POLICY } from "../config/default-policy.js";
import { withAlerts } from "../domain/alert-join.js";
import { mergeObservation } from "../domain/metrics/merge-observation.js";
import type { PullRequestRef } from "../domain/pull-request-record.js";
import type { AppMetrics } from "../metrics/app-metrics.js";
import type { AlertStore } from "../store/alert-store.js";
import type { PolicyStore } from "../store/policy-store.js";
import type { PullRequestStore } from "../store/pull-request-store.js";

export interface ObserveMergeDeps {
  store: PullRequestStore;
  policies: PolicyStore;
  alerts: AlertStore;
  metrics: Pick<AppMetrics, "timeToMerge" | "securityFixesMerged">;
}

export async function observeMerge(deps: ObserveMergeDeps, ref: PullRequestRef): Promise<void> {
  const record = await deps.store.get(ref);
  if (!record || record.state !== "merged") return;
  const location = { installationId: ref.installationId, repoId: ref.repoId };
  const [lineage, stored, alerts] = await Promise.all([
    deps.store.listLineage(location, record.lineageKey),
    deps.policies.get(location),
    deps.alerts.list(location),
  ]);
  const seen = mergeObservation(record, withAlerts(record.update, alerts), lineage, stored?.policy ?? DEFAULT_POLICY);
  if (!seen) return;
  deps.metrics.timeToMerge.observe({ repository: seen.repository, update_type: seen.updateType, severity: seen.severity }, seen.seconds);
  if (seen.security) {
    deps.metrics.securityFixesMerged.inc({ org: seen.org, repository: seen.repository, severity: seen.severity, within_sla: String(seen.withinSla) });
  }
}
