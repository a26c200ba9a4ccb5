// A repo's Dependabot alerts, listed from GitHub once a day at most and kept fresh in between by
// `dependabot_alert` webhooks; everything else reads them from Redis.
import type { DependabotAlert } from "../domain/dependabot-alert.js";
import { splitFullName } from "../github/github-reads.js";
import type { RepoLocation } from "../store/pull-request-store.js";
import type { WorkerDeps } from "./worker-deps.js";

export const ALERTS_RESYNC_MS = 24 * 3_600_000;

export async function repoAlerts(deps: WorkerDeps, location: RepoLocation, repo: string): Promise<DependabotAlert[]> {
  const syncedAt = await deps.alerts.syncedAt(location);
  const now = deps.now();
  if (syncedAt !== null && now - syncedAt < ALERTS_RESYNC_MS) return deps.alerts.list(location);
  const listed = await (await deps.github(location.installationId)).listDependabotAlerts(splitFullName(repo));
  if (listed === null) {
    deps.log.info({ repo }, "Dependabot alerts not readable (off for the repo, or permission not granted); security comes from PR text only");
  }
  await deps.alerts.replaceAll(location, listed ?? [], now);
  return listed ?? [];
}
