// Auto-merge, where the repo opted in: decided by the pure safety rule on this exact head, then
// handed to GitHub (auto-merge, or a merge pinned to the head SHA). Tried once per head SHA.
import { decideAutoMerge } from "../domain/auto-merge-decision.js";
import type { Policy, SlaClass } from "../domain/policy.js";
import type { PullRequestRecord } from "../domain/pull-request-record.js";
import { splitFullName, type CiState } from "../github/github-reads.js";
import { spendWrites } from "./spend-writes.js";
import type { PrState } from "../store/pr-state-store.js";
import { keepCi, readCi } from "./pr-ci.js";
import type { WorkerDeps } from "./worker-deps.js";

export async function autoMergeIfSafe(
  deps: WorkerDeps,
  input: { record: PullRequestRecord; slaClass: SlaClass; policy: Policy; ci: CiState; state: PrState },
): Promise<PrState["autoMerge"]> {
  const { record, policy, state } = input;
  if (policy.autoMerge.classes.length === 0) return null;
  const done = state.autoMerge?.sha === record.headSha && state.autoMerge.state !== "off";
  if (done) return state.autoMerge;
  const location = { installationId: record.installationId, repoId: record.repoId };
  const cached = await deps.store.loadCommits(location, record.headSha);
  // Cached facts may predate committers being kept; and a merge is only ever decided on fresh reads.
  let commits = cached?.every((c) => c.committerLogin !== undefined) ? cached : null;
  let ci = input.ci;
  if (ci === "passing") {
    const github = await deps.github(record.installationId);
    commits = await github.listPullRequestCommits(splitFullName(record.repo), record.number);
    await deps.store.saveCommits(location, record.headSha, commits);
  }
  let decision = decideAutoMerge({ record, slaClass: input.slaClass, policy, commits, identities: deps.identities, ci, draft: record.draft });
  if (decision.merge) {
    // The cached CI is as old as the last CI event seen; a status posted since must still stop the merge.
    const epoch = (await deps.prStates.get(record)).ciEpoch ?? 0;
    ci = await readCi(deps, record);
    if (ci !== "passing") {
      await keepCi(deps, record, ci, epoch);
      decision = decideAutoMerge({ record, slaClass: input.slaClass, policy, commits, identities: deps.identities, ci, draft: record.draft });
    }
  }
  let result: NonNullable<PrState["autoMerge"]>;
  if (!decision.merge) {
    // "waiting for CI" is not a verdict on this head yet: look again when CI finishes.
    result = { state: ci === "passing" ? "refused" : "off", reason: decision.reason, sha: record.headSha };
    if (state.autoMerge?.state === "enabled") {
      // Enabled for an earlier head; GitHub keeps it on after a push by a writer, so switch it off.
      const merger = await deps.merger(record.installationId);
      await merger.disable({ number: record.number, nodeId: record.nodeId, headSha: record.headSha });
      deps.log.info({ repo: record.repo, pr: record.number, reason: decision.reason }, "auto-merge switched off for the new head");
    }
  } else {
    await spendWrites(deps, record.installationId, 1);
    const merger = await deps.merger(record.installationId);
    const outcome = await merger.enable(splitFullName(record.repo), { number: record.number, nodeId: record.nodeId, headSha: record.headSha }, decision.method);
    result = { state: outcome.state, reason: outcome.state === "refused" ? outcome.reason : null, sha: record.headSha };
    deps.log.info({ repo: record.repo, pr: record.number, outcome: outcome.state }, "auto-merge");
  }
  await deps.prStates.set(record, "autoMerge", result);
  return result;
}
