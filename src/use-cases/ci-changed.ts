// A commit status arrived (GitHub's `status` event names a commit, not a PR): every open recognised PR
// whose head is that commit forgets its CI state and is evaluated again.
import { slaClassOf } from "../domain/sla-class.js";
import { priorityOf } from "../queue/evaluation-scheduler.js";
import type { CiChangedJob } from "../queue/jobs.js";
import { forgetCi } from "../store/pr-state-store.js";
import type { WorkerDeps } from "./worker-deps.js";

export async function ciChanged(deps: WorkerDeps, job: CiChangedJob["data"]): Promise<void> {
  const records = await deps.store.listRepo({ installationId: job.installationId, repoId: job.repoId });
  for (const record of records) {
    if (record.state !== "open" || record.headSha !== job.sha) continue;
    await forgetCi(deps.prStates, record);
    await deps.scheduler.soon(record, record.repo, priorityOf(slaClassOf(record.update)));
  }
}
