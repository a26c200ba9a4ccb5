// CI of a PR's head, read from GitHub once per head SHA and again only after a CI event invalidated it.
import type { PullRequestRecord } from "../domain/pull-request-record.js";
import { splitFullName, type CiState } from "../github/github-reads.js";
import type { WorkerDeps } from "./worker-deps.js";

export async function currentCi(deps: WorkerDeps, record: PullRequestRecord): Promise<CiState> {
  const state = await deps.prStates.get(record);
  if (state.ci?.sha === record.headSha) return state.ci.state;
  const github = await deps.github(record.installationId);
  const ci = await github.ciState(splitFullName(record.repo), record.headSha, await deps.appSlug());
  await deps.prStates.set(record, "ci", { sha: record.headSha, state: ci });
  return ci;
}
