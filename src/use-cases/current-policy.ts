// A repo's policy: loaded from its config files at most once an hour (or at once after a push to the
// default branch), validated, and — when the file has problems — the last valid policy is kept and
// the problems are shown on GitHub as a "merge-discipline config" check run (by the report-config job).
import { DEFAULT_POLICY } from "../config/default-policy.js";
import { parsePolicy } from "../config/parse-policy.js";
import type { Policy } from "../domain/policy.js";
import { splitFullName } from "../github/github-reads.js";
import type { RepoLocation } from "../store/pull-request-store.js";
import { POLICY_SHAPE_VERSION, type StoredPolicy } from "../store/policy-store.js";
import { readConfigSource } from "./read-config-source.js";
import type { WorkerDeps } from "./worker-deps.js";

export const POLICY_TTL_MS = 3_600_000;

export interface PolicyRequest {
  location: RepoLocation;
  repo: string;
  /** Reload now: a push to the default branch; the commit to report problems on. */
  pushedCommit?: string;
}

export async function currentPolicy(deps: WorkerDeps, request: PolicyRequest): Promise<Policy> {
  const { location } = request;
  const now = deps.now();
  const saved = await deps.policies.get(location);
  // A policy stored by an older version lacks newer fields: reload, and never fall back to it.
  const stored = saved?.shape === POLICY_SHAPE_VERSION ? saved : null;
  if (stored && !request.pushedCommit && now - stored.loadedAt < POLICY_TTL_MS) return stored.policy ?? DEFAULT_POLICY;

  const github = await deps.github(location.installationId);
  const source = await readConfigSource(github, splitFullName(request.repo));
  if (stored && stored.sourceId === source.sourceId && stored.reportedSourceId === source.sourceId) {
    await deps.policies.save(location, { ...stored, loadedAt: now });
    return stored.policy ?? DEFAULT_POLICY;
  }
  const parsed = source.problems.length > 0 ? { policy: null, problems: source.problems } : parsePolicy(source.raw);
  const next: StoredPolicy = {
    policy: parsed.policy ?? stored?.policy ?? null,
    problems: parsed.problems,
    sourceId: source.sourceId,
    reportedSourceId: stored?.reportedSourceId ?? null,
    loadedAt: now,
    shape: POLICY_SHAPE_VERSION,
  };
  if (parsed.problems.length > 0) {
    deps.log.warn({ repo: request.repo, problems: parsed.problems, files: source.files }, "invalid merge-discipline config; keeping the last valid policy");
  }
  // Problems are always shown; a fixed file gets a green check only where a red one may be showing. Showing
  // them is a job of its own: a failure to write the check must never hold back the policy, so the repo's
  // evaluations go on while the report is retried.
  const mustReport = parsed.problems.length > 0 || (stored?.problems.length ?? 0) > 0;
  const reporting = mustReport && source.files.length > 0;
  await deps.policies.save(location, { ...next, reportedSourceId: reporting ? next.reportedSourceId : source.sourceId });
  if (reporting) {
    await deps.queue.add({
      name: "report-config",
      data: { ...location, repo: request.repo, sourceId: source.sourceId, files: source.files, commitSha: request.pushedCommit ?? null },
    });
  }
  return next.policy ?? DEFAULT_POLICY;
}
