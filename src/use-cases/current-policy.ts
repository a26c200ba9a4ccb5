// A repo's policy: loaded from its config files at most once an hour (or at once after a push to the
// default branch), validated, and — when the file has problems — the last valid policy is kept and
// the problems are shown on GitHub as a "merge-discipline config" check run.
import { DEFAULT_POLICY } from "../config/default-policy.js";
import { parsePolicy } from "../config/parse-policy.js";
import type { Policy } from "../domain/policy.js";
import { renderConfigCheck } from "../domain/render-config-check.js";
import { splitFullName } from "../github/github-reads.js";
import { RetryLater } from "../queue/retry-later.js";
import type { RepoLocation } from "../store/pull-request-store.js";
import { POLICY_SHAPE_VERSION, type StoredPolicy } from "../store/policy-store.js";
import { CONFIG_PATH, readConfigSource } from "./read-config-source.js";
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
  // Problems are always shown; a fixed file gets a green check only where a red one may be showing.
  const mustReport = parsed.problems.length > 0 || (stored?.problems.length ?? 0) > 0;
  if (mustReport && source.files.length > 0) {
    await reportConfig(deps, request, next, source.files);
  }
  await deps.policies.save(location, { ...next, reportedSourceId: source.sourceId });
  return next.policy ?? DEFAULT_POLICY;
}

async function reportConfig(deps: WorkerDeps, request: PolicyRequest, stored: StoredPolicy, files: string[]): Promise<void> {
  const { installationId } = request.location;
  const repo = splitFullName(request.repo);
  const sha = request.pushedCommit ?? (await (await deps.github(installationId)).lastCommitTouching(repo, CONFIG_PATH));
  if (!sha) return;
  const answer = await deps.budget.acquire(installationId, 1, deps.now());
  if (!answer.granted) {
    await deps.policies.save(request.location, stored);
    throw new RetryLater(answer.retryAt, "write budget");
  }
  const writes = await deps.writes(installationId);
  await writes.ensureCheckRun(repo, sha, renderConfigCheck(stored.problems, files, stored.policy !== null));
}
