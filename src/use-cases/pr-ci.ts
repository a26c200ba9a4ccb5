// CI of a PR's head, read from GitHub once per head SHA and again only after a CI event invalidated it.
import type { PullRequestRecord } from "../domain/pull-request-record.js";
import { splitFullName, type CiState } from "../github/github-reads.js";
import type { WorkerDeps } from "./worker-deps.js";

export async function currentCi(deps: WorkerDeps, record: PullRequestRecord): Promise<CiState> {
  const state = await deps.prStates.get(record);
  const epoch = state.ciEpoch ?? 0;
  if (state.ci?.sha === record.headSha && (state.ci.epoch ?? 0) === epoch) return state.ci.state;
  const ci = await readCi(deps, record);
  await keepCi(deps, record, ci, epoch);
  return ci;
}

/** Kept only when no CI event arrived since the read began: a slow read never overwrites a newer truth. */
export async function keepCi(deps: WorkerDeps, record: PullRequestRecord, ci: CiState, epoch: number): Promise<void> {
  if (((await deps.prStates.get(record)).ciEpoch ?? 0) !== epoch) return;
  await deps.prStates.set(record, "ci", { sha: record.headSha, state: ci, epoch });
}

/** Straight from GitHub, no cache: what a merge decision is checked against at the last moment. */
export async function readCi(deps: WorkerDeps, record: PullRequestRecord): Promise<CiState> {
  const github = await deps.github(record.installationId);
  const head = { sha: record.headSha, number: record.number, baseRef: record.baseRef ?? null };
  return github.ciState(splitFullName(record.repo), head, await deps.appSlug());
}
