// Use case "the app now sees these repos" (installed, repos added, unsuspended, or asked by the CLI):
// start or join the installation's backfill and queue one step job per repo, behind live work.
import { BACKFILL_STEP_PRIORITY, type BackfillInstallationJob } from "../queue/jobs.js";
import { finishIfDone } from "./backfill-finish.js";
import type { WorkerDeps } from "./worker-deps.js";

export async function backfillInstallation(deps: WorkerDeps, data: BackfillInstallationJob["data"]): Promise<void> {
  const { installationId, trigger } = data;
  const now = deps.now();
  const repos = data.repos ?? (await (await deps.github(installationId)).listInstallationRepos());
  const { runId } = await deps.backfills.begin(installationId, trigger, now);
  const added = await deps.backfills.addRepos(installationId, runId, repos);
  // Stages already due now are history for these repos; after a suspension, the time it lasted is too.
  await deps.backfills.setQuietBefore(installationId, added.map((r) => r.repoId), now, trigger === "unsuspended");
  for (const repo of added) {
    await deps.queue.add(
      { name: "backfill-repository", data: { installationId, repoId: repo.repoId, repo: repo.name, runId, step: 0 } },
      { priority: BACKFILL_STEP_PRIORITY },
    );
  }
  deps.log.info({ installationId, trigger, runId, repos: added.length, alreadyQueued: repos.length - added.length }, "backfill started");
  if (added.length === 0) await finishIfDone(deps, installationId, runId);
}
