// Use case "show the config's state on GitHub": the "merge-discipline config" check on the commit that
// changed the file (the pushed commit, or the last one touching it). Retried on its own until it is shown;
// a report for a config that has changed since is dropped, as the newer one has its own job.
import { renderConfigCheck } from "../domain/render-config-check.js";
import { splitFullName } from "../github/github-reads.js";
import type { ReportConfigJob } from "../queue/jobs.js";
import { CONFIG_PATH } from "./read-config-source.js";
import { spendWrites } from "./spend-writes.js";
import type { WorkerDeps } from "./worker-deps.js";

export async function reportConfig(deps: WorkerDeps, job: ReportConfigJob["data"]): Promise<void> {
  const location = { installationId: job.installationId, repoId: job.repoId };
  const stored = await deps.policies.get(location);
  if (!stored || stored.sourceId !== job.sourceId || stored.reportedSourceId === job.sourceId) return;
  const repo = splitFullName(job.repo);
  const sha = job.commitSha ?? (await (await deps.github(job.installationId)).lastCommitTouching(repo, CONFIG_PATH));
  if (sha) {
    await spendWrites(deps, job.installationId, 1);
    const writes = await deps.writes(job.installationId);
    await writes.ensureCheckRun(repo, sha, renderConfigCheck(stored.problems, job.files, stored.policy !== null));
  }
  // Read again: the policy may have been reloaded while the check was written.
  const latest = await deps.policies.get(location);
  if (latest?.sourceId === job.sourceId) await deps.policies.save(location, { ...latest, reportedSourceId: job.sourceId });
}
