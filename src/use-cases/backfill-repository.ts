// One step of one repo's backfill: one GitHub list request (or the final scheduling), then the cursor is
// saved in Redis and the next step queued. Short jobs at a low priority let webhooks and nudges through,
// and a restart continues from the cursor instead of starting over.
//
//   alerts    every Dependabot alert of the repo (they decide which PRs are security fixes)
//   recent    state=all, sort=updated desc, 100 a page, until a PR last changed before the stats window
//   old-open  state=open, sort=updated asc: open PRs nobody touched during the window, until the window
//   evaluate  every open bot PR evaluated through the normal path, critical security first
import { withAlerts } from "../domain/alert-join.js";
import { slaClassOf } from "../domain/sla-class.js";
import { DEFAULT_STATS_WINDOW_MS } from "../domain/time-to-merge.js";
import { splitFullName, type GitHubReads, type PullListQuery } from "../github/github-reads.js";
import { priorityOf } from "../queue/evaluation-scheduler.js";
import { BACKFILL_EVALUATION_PRIORITY_OFFSET, BACKFILL_STEP_PRIORITY, type BackfillRepositoryJob } from "../queue/jobs.js";
import type { RepoProgress } from "../store/backfill-store.js";
import { finishIfDone } from "./backfill-finish.js";
import { NOT_SCHEDULED, recordListedPull, updatedAtOf } from "./record-listed-pull.js";
import type { WorkerDeps } from "./worker-deps.js";

export async function backfillRepositoryStep(deps: WorkerDeps, job: BackfillRepositoryJob["data"]): Promise<void> {
  const { installationId, runId } = job;
  const progress = await deps.backfills.progress(installationId, job.repoId);
  if (!progress || progress.runId !== runId || progress.phase === "done") return;
  const next = await advance(deps, installationId, progress);
  await deps.backfills.save(installationId, next);
  const log = { installationId, repo: next.name, phase: next.phase, page: next.page, recorded: next.recorded, requests: next.requests };
  if (next.phase === "done") {
    deps.log.info({ ...log, impostors: next.impostors }, "backfill of a repository finished");
    await finishIfDone(deps, installationId, runId);
    return;
  }
  deps.log.debug(log, "backfill step done");
  await deps.queue.add({ name: "backfill-repository", data: { ...job, step: job.step + 1 } }, { priority: BACKFILL_STEP_PRIORITY });
}

async function advance(deps: WorkerDeps, installationId: number, progress: RepoProgress): Promise<RepoProgress> {
  const location = { installationId, repoId: progress.repoId };
  switch (progress.phase) {
    case "alerts": {
      const github = await deps.github(installationId);
      const alerts = await github.listDependabotAlerts(splitFullName(progress.name));
      await deps.alerts.replaceAll(location, alerts ?? [], deps.now());
      return { ...progress, phase: "recent", page: 1, requests: progress.requests + 1 };
    }
    case "recent":
    case "old-open":
      return listingStep(deps, await deps.github(installationId), location, { ...progress, phase: progress.phase });
    case "evaluate":
      await evaluateOpen(deps, location);
      return { ...progress, phase: "done" };
    case "done":
      return progress;
  }
}

const QUERIES: Record<"recent" | "old-open", Omit<PullListQuery, "page">> = {
  recent: { state: "all", sort: "updated", direction: "desc" },
  "old-open": { state: "open", sort: "updated", direction: "asc" },
};

async function listingStep(
  deps: WorkerDeps,
  github: GitHubReads,
  location: { installationId: number; repoId: number },
  progress: RepoProgress & { phase: "recent" | "old-open" },
): Promise<RepoProgress> {
  const windowStart = deps.now() - DEFAULT_STATS_WINDOW_MS;
  const answer = await github.listPullRequestsPage(splitFullName(progress.name), { ...QUERIES[progress.phase], page: progress.page });
  const pulls = answer.kind === "page" ? answer.pulls : [];
  const counted = { ...progress, requests: progress.requests + 1 };
  // recent: past the window's start, older updates are older closes; old-open: from the window on, "recent" saw them.
  const inPhase = (json: unknown): boolean => (progress.phase === "recent" ? updatedAtOf(json) >= windowStart : updatedAtOf(json) < windowStart);
  let reachedEnd = false;
  for (const json of pulls) {
    if (!inPhase(json)) {
      reachedEnd = true;
      continue;
    }
    const outcome = await recordListedPull({ ...deps, scheduler: NOT_SCHEDULED }, location, progress.name, json);
    if (outcome === "recorded" || outcome === "unchanged") counted.recorded += 1;
    if (outcome === "impostor") counted.impostors += 1;
  }
  const more = answer.kind === "page" && answer.next && !reachedEnd;
  if (more) return { ...counted, page: progress.page + 1 };
  return { ...counted, phase: progress.phase === "recent" ? "old-open" : "evaluate", page: 1 };
}

/** Every open bot PR of the repo to the normal evaluation, below live work, critical security first. */
async function evaluateOpen(deps: WorkerDeps, location: { installationId: number; repoId: number }): Promise<number> {
  const alerts = await deps.alerts.list(location);
  const open = (await deps.store.listRepo(location)).filter((r) => r.state === "open");
  for (const record of open) {
    const priority = priorityOf(slaClassOf(withAlerts(record.update, alerts))) + BACKFILL_EVALUATION_PRIORITY_OFFSET;
    await deps.scheduler.soon(record, record.repo, priority);
  }
  return open.length;
}
