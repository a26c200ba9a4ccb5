// The shared state behind the scrape-time gauges, read from Redis only (never GitHub): every repo's digest
// model as the weekly digest would build it now, the write budget per installation, and the queue.
import { DEFAULT_POLICY } from "../config/default-policy.js";
import { buildRepoDigest, type RepoDigest } from "../domain/digest/build-digest.js";
import { alertsWithoutPrSamples, oldestStaleSeconds, stalePatchSamples, type Sample } from "../domain/metrics/repo-samples.js";
import type { QueueStats } from "../queue/queue-stats.js";
import { knownInstallations } from "./digest-schedule.js";
import { prFacts } from "./publish-digests.js";
import type { WorkerDeps } from "./worker-deps.js";

export interface MetricsState {
  queue: QueueStats;
  budget: Sample[];
  stale: Sample[];
  alertsWithoutPr: Sample[];
  oldestStale: Sample[];
}

export async function readMetricsState(deps: WorkerDeps, queueStats: (now: number) => Promise<QueueStats>): Promise<MetricsState> {
  const now = deps.now();
  const state: MetricsState = { queue: await queueStats(now), budget: [], stale: [], alertsWithoutPr: [], oldestStale: [] };
  for (const installationId of await knownInstallations(deps.redis)) {
    const used = await deps.budget.used(installationId, now);
    state.budget.push({ labels: { installation: String(installationId), window: "minute" }, value: used.minute });
    state.budget.push({ labels: { installation: String(installationId), window: "hour" }, value: used.hour });
    for (const digest of await repoDigests(deps, installationId, now)) {
      state.stale.push(...stalePatchSamples(digest));
      state.alertsWithoutPr.push(...alertsWithoutPrSamples(digest));
      state.oldestStale.push(oldestStaleSeconds(digest));
    }
  }
  return state;
}

/** Each repo's digest from its stored policy (the defaults before one was loaded); disabled repos are left out. */
async function repoDigests(deps: WorkerDeps, installationId: number, now: number): Promise<RepoDigest[]> {
  const digests: RepoDigest[] = [];
  for (const { repoId, name } of await deps.store.listRepos(installationId)) {
    const location = { installationId, repoId };
    const policy = (await deps.policies.get(location))?.policy ?? DEFAULT_POLICY;
    if (!policy.enabled) continue;
    const records = await deps.store.listRepo(location);
    const alerts = await deps.alerts.list(location);
    digests.push(buildRepoDigest({ repo: name, records, alerts, policy, now, prFacts: await prFacts(deps, records, alerts) }));
  }
  return digests;
}
