import type { WorkerDeps } from "./worker-deps.js";

/** The last repo of a run done: say so once, and publish the organisation digest once. */
export async function finishIfDone(deps: WorkerDeps, installationId: number, runId: string): Promise<void> {
  if (!(await deps.backfills.settle(installationId, runId, deps.now()))) return;
  const run = await deps.backfills.run(installationId);
  deps.log.info(
    {
      installationId,
      runId,
      repos: run?.repos.length ?? 0,
      recorded: run?.repos.reduce((sum, r) => sum + r.recorded, 0) ?? 0,
      impostors: run?.repos.reduce((sum, r) => sum + r.impostors, 0) ?? 0,
      requests: run?.repos.reduce((sum, r) => sum + r.requests, 0) ?? 0,
      ms: run ? deps.now() - run.startedAt : 0,
    },
    "backfill finished",
  );
  await deps.queue.add({ name: "publish-digest", data: { installationId, backfillRun: runId } });
}
