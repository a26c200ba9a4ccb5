// Use cases "uninstalled" and "repositories removed": nothing queued for them runs, nothing stored about
// them stays. What GitHub still holds (PRs, comments, issues) is the source of truth if they come back.
import { installationOf, repoOf, type Job } from "../queue/jobs.js";
import { RetryLater } from "../queue/retry-later.js";
import { reconcileSchedulerId } from "./reconcile-schedule.js";
import { finishIfDone } from "./backfill-finish.js";
import type { WorkerDeps } from "./worker-deps.js";

const isForget = (job: Job): boolean => job.name === "forget-installation" || job.name === "forget-repositories";

export async function forgetInstallation(deps: WorkerDeps, installationId: number): Promise<void> {
  await deps.queue.removeScheduler(`digest-${installationId}`);
  await deps.queue.removeScheduler(reconcileSchedulerId(installationId));
  // Every job of the installation but this one (removed once done): forgetting its repos included.
  const jobs = await deps.queue.removeJobsWhere((job) => installationOf(job) === installationId && job.name !== "forget-installation", { finished: true });
  const keys = await deps.data.forgetInstallation(installationId);
  deps.log.info({ installationId, jobs: jobs.removed, running: jobs.running, keys }, "installation deleted: its jobs were cancelled and its data deleted");
  // A job that was running writes its own traces (its record, its state) when it ends: sweep once more after it.
  if (jobs.running > 0) throw new RetryLater(deps.now() + 5_000, "jobs of the uninstalled installation still running");
}

export async function forgetRepositories(deps: WorkerDeps, installationId: number, repoIds: number[]): Promise<void> {
  const ids = new Set(repoIds);
  const jobs = await deps.queue.removeJobsWhere((job) => {
    const repoId = repoOf(job);
    return installationOf(job) === installationId && repoId !== null && ids.has(repoId) && !isForget(job);
  });
  let keys = 0;
  for (const repoId of repoIds) keys += await deps.data.forgetRepo({ installationId, repoId });
  await deps.backfills.dropRepos(installationId, repoIds);
  deps.log.info({ installationId, repos: repoIds.length, jobs: jobs.removed, keys }, "repositories removed from the installation: their jobs were cancelled and their data deleted");
  // A backfill waiting only for these repos is finished now.
  const run = await deps.backfills.run(installationId);
  if (run && run.finishedAt === null) await finishIfDone(deps, installationId, run.runId);
}
