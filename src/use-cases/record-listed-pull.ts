// A pull request GitHub listed (backfill, reconciliation) goes through the same recognition and record
// path as a webhook's: impostors are refused the same way, timestamps and lineages are GitHub's own.
import { MalformedPullRequestError } from "../domain/pull-request-facts.js";
import { snapshotFromPullRequest } from "../github/pull-request-snapshot.js";
import type { EvaluationScheduler } from "../queue/evaluation-scheduler.js";
import type { RepoLocation } from "../store/pull-request-store.js";
import { recordPullRequest, type RecordDeps } from "./record-pull-request.js";

export type ListedOutcome = "recorded" | "unchanged" | "impostor" | "ignored" | "malformed";

/** Records without scheduling: the backfill schedules its evaluations itself, at its own priority. */
export const NOT_SCHEDULED: EvaluationScheduler = { soon: async () => undefined, schedule: async () => undefined, isScheduled: async () => true };

export async function recordListedPull(deps: RecordDeps, location: RepoLocation, repo: string, json: unknown): Promise<ListedOutcome> {
  let snapshot;
  try {
    snapshot = snapshotFromPullRequest(location.installationId, { id: location.repoId, full_name: repo }, json);
  } catch (error) {
    if (!(error instanceof MalformedPullRequestError)) throw error;
    deps.log.warn({ repo, problem: error.message }, "malformed pull request in a GitHub listing; skipped");
    return "malformed";
  }
  const outcome = await recordPullRequest(deps, snapshot);
  if (outcome.kind !== "recorded") return outcome.kind;
  return outcome.outcome === "stale" || outcome.outcome === "unchanged" ? "unchanged" : "recorded";
}

/** GitHub's `updated_at` of a listed PR (ms), or NaN when it has none. */
export function updatedAtOf(json: unknown): number {
  const value = (json as { updated_at?: unknown } | null)?.updated_at;
  return typeof value === "string" ? Date.parse(value) : Number.NaN;
}
