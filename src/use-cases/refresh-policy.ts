// Use case "the default branch moved": reload the config (showing problems on that commit), then
// let every open dependency PR of the repo be evaluated under the policy now in force.
import { currentPolicy } from "./current-policy.js";
import type { WorkerDeps } from "./worker-deps.js";

export async function refreshPolicy(
  deps: WorkerDeps,
  push: { installationId: number; repoId: number; repo: string; commitSha: string },
): Promise<void> {
  const location = { installationId: push.installationId, repoId: push.repoId };
  if (push.repo.endsWith("/.github")) await deps.policies.invalidateInstallation(push.installationId);
  await currentPolicy(deps, { location, repo: push.repo, pushedCommit: push.commitSha });
  const open = (await deps.store.listRepo(location)).filter((r) => r.state === "open");
  for (const record of open) await deps.scheduler.soon(record, record.repo, 5);
}
