// Use case "daily reconciliation of an installation": the repos GitHub says it sees, each reconciled in
// its own low-priority job; repos Redis still holds but GitHub no longer lists (a missed
// `installation_repositories.removed`) are forgotten.
import { RECONCILE_PRIORITY } from "../queue/jobs.js";
import type { WorkerDeps } from "./worker-deps.js";

export async function reconcileInstallation(deps: WorkerDeps, installationId: number): Promise<void> {
  const listed = await (await deps.github(installationId)).listInstallationRepos();
  const ids = new Set(listed.map((r) => r.repoId));
  const gone = (await deps.store.listRepos(installationId)).filter((r) => !ids.has(r.repoId)).map((r) => r.repoId);
  const now = deps.now();
  await deps.lifecycle.setRemoved(installationId, [...ids], false);
  if (gone.length > 0) {
    await deps.lifecycle.setRemoved(installationId, gone, true);
    await deps.queue.add({ name: "forget-repositories", data: { installationId, repoIds: gone, key: `reconcile-${now}` } });
  }
  for (const repo of listed) {
    await deps.queue.add(
      { name: "reconcile-repository", data: { installationId, repoId: repo.repoId, repo: repo.name, at: now } },
      { priority: RECONCILE_PRIORITY },
    );
  }
  deps.log.info({ installationId, repos: listed.length, removed: gone.length }, "reconciliation started");
}
