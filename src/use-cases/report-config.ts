// Use case "show the config's state on GitHub": the "merge-discipline config" check on the commit that
// changed the file (the pushed commit, or the last one touching it). Retried on its own until it is shown;
// a report for a config that has changed since is dropped, as the newer one has its own job.
import { renderConfigCheck } from "../domain/render-config-check.js";
import { splitFullName } from "../github/github-reads.js";
import type { ReportConfigJob } from "../queue/jobs.js";
import { CONFIG_PATH } from "./read-config-source.js";
import { spendWrites } from "./spend-writes.js";
import type { WorkerDeps } from "./worker-deps.js";
import type { StoredPolicy } from "../store/policy-store.js";
import { redisKeys } from "../store/redis-keys.js";

export async function reportConfig(deps: WorkerDeps, job: ReportConfigJob["data"]): Promise<void> {
  const location = { installationId: job.installationId, repoId: job.repoId };
  const stored = await deps.policies.get(location);
  if (!stored || stored.sourceId !== job.sourceId || stored.reportedSourceId === job.sourceId) return;
  const shared = sharedFileRepo(job);
  if (shared) await reportShared(deps, job, shared, stored);
  else await reportOwn(deps, job, stored);
  // Read again: the policy may have been reloaded while the check was written.
  const latest = await deps.policies.get(location);
  if (latest?.sourceId === job.sourceId) await deps.policies.save(location, { ...latest, reportedSourceId: job.sourceId });
}

async function reportOwn(deps: WorkerDeps, job: ReportConfigJob["data"], stored: StoredPolicy): Promise<void> {
  const repo = splitFullName(job.repo);
  const sha = job.commitSha ?? (await (await deps.github(job.installationId)).lastCommitTouching(repo, CONFIG_PATH));
  if (!sha) return;
  await spendWrites(deps, job.installationId, 1);
  const writes = await deps.writes(job.installationId);
  await writes.ensureCheckRun(repo, sha, renderConfigCheck(stored.problems, job.files, stored.policy !== null));
}

/**
 * A repo with no file of its own reads the organisation's, in `<org>/.github`: the repo has no commit to
 * show it on, so it is shown there, on the last commit that touched the file, once per version of the file
 * however many repos read it.
 */
async function reportShared(deps: WorkerDeps, job: ReportConfigJob["data"], shared: string, stored: StoredPolicy): Promise<void> {
  const key = redisKeys().orgConfigReported(job.installationId);
  if ((await deps.redis.get(key)) === job.sourceId) return;
  const repo = splitFullName(shared);
  const sha = await (await deps.github(job.installationId)).lastCommitTouching(repo, CONFIG_PATH);
  if (sha) {
    await spendWrites(deps, job.installationId, 1);
    const writes = await deps.writes(job.installationId);
    await writes.ensureCheckRun(repo, sha, renderConfigCheck(stored.problems, job.files, stored.policy !== null));
  }
  await deps.redis.set(key, job.sourceId);
}

/** The repo holding the only file read, when it is not the repo itself (the organisation's shared config). */
function sharedFileRepo(job: ReportConfigJob["data"]): string | null {
  if (job.files.length !== 1) return null;
  const fileRepo = job.files[0]?.split(":")[0] ?? "";
  return fileRepo.toLowerCase() === job.repo.toLowerCase() ? null : fileRepo;
}
