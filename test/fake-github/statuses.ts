// Commit statuses: create, list for a ref, and the combined status (newest per context, paginated).
// The combined state follows GitHub's docs: failure when any context reports error or failure,
// pending when there are no statuses or one is pending, success otherwise.
import { ok, validationFailed, type Reply } from "./http.js";
import { requireStr, str, type Json } from "./fields.js";
import { paginated, pageOf } from "./pagination.js";
import { resolveSha } from "./checks.js";
import { param, repoRoute, type RepoCtx, type Route } from "./router.js";
import { repoJson, repoUrls, userJson } from "./serialize.js";
import { nodeId, type FakeState } from "./state.js";
import type { CommitStatusState, RepoRecord, StatusRecord, UserRecord } from "./types.js";

const STATES: readonly CommitStatusState[] = ["error", "failure", "pending", "success"];

export interface StatusInit {
  sha: string;
  state: CommitStatusState;
  /** GitHub's default context is "default". */
  context?: string;
  description?: string | null;
  target_url?: string | null;
  creator?: UserRecord;
}

export function newStatus(state: FakeState, repo: RepoRecord, init: StatusInit): StatusRecord {
  const id = state.nextId("status");
  const record: StatusRecord = {
    id, node_id: nodeId("SC", id), sha: resolveSha(repo, init.sha), state: init.state, context: init.context ?? "default",
    description: init.description ?? null, target_url: init.target_url ?? null,
    creator: init.creator ?? state.user("jenkins-bot"), created_at: state.iso(), updated_at: state.iso(),
  };
  repo.statuses.push(record);
  return record;
}

function statusJson(state: FakeState, repo: RepoRecord, status: StatusRecord, withCreator: boolean): Record<string, unknown> {
  const json: Record<string, unknown> = {
    url: `${repoUrls(state, repo).api}/statuses/${status.sha}`,
    avatar_url: `${state.config.webUrl}/avatars/u/${status.creator.id}`,
    id: status.id, node_id: status.node_id, state: status.state, description: status.description,
    target_url: status.target_url, context: status.context, created_at: status.created_at, updated_at: status.updated_at,
  };
  if (withCreator) json["creator"] = userJson(state, status.creator);
  return json;
}

/** Newest first, as GitHub lists them. */
function statusesOf(repo: RepoRecord, sha: string): StatusRecord[] {
  return repo.statuses.filter((s) => s.sha === sha).sort((a, b) => b.id - a.id);
}

export function latestPerContext(repo: RepoRecord, sha: string): StatusRecord[] {
  const seen = new Set<string>();
  return statusesOf(repo, sha).filter((s) => !seen.has(s.context) && Boolean(seen.add(s.context)));
}

export function combinedState(latest: readonly StatusRecord[]): CommitStatusState {
  if (latest.some((s) => s.state === "error" || s.state === "failure")) return "failure";
  if (latest.length === 0 || latest.some((s) => s.state === "pending")) return "pending";
  return "success";
}

function combined(ctx: RepoCtx): Reply {
  const sha = resolveSha(ctx.repo, param(ctx, "ref"));
  const latest = latestPerContext(ctx.repo, sha);
  const page = pageOf(ctx, latest);
  const { api } = repoUrls(ctx.state, ctx.repo);
  return ok({
    state: combinedState(latest),
    statuses: page.items.map((s) => statusJson(ctx.state, ctx.repo, s, false)),
    sha,
    total_count: latest.length,
    repository: repoJson(ctx.state, ctx.repo),
    commit_url: `${api}/commits/${sha}`,
    url: `${api}/commits/${sha}/status`,
  }, 200, page.headers);
}

function create(ctx: RepoCtx): Reply {
  const body: Json = ctx.body;
  const wanted = requireStr(body, "state", "Status");
  if (!(STATES as readonly string[]).includes(wanted)) throw validationFailed({ resource: "Status", field: "state", code: "invalid", value: wanted });
  const creator = ctx.state.botUser();
  const status = newStatus(ctx.state, ctx.repo, {
    sha: param(ctx, "sha"), state: wanted as CommitStatusState, context: str(body, "context") ?? "default",
    description: str(body, "description") ?? null, target_url: str(body, "target_url") ?? null, creator,
  });
  return ok(statusJson(ctx.state, ctx.repo, status, true), 201);
}

export const statusRoutes: Route[] = [
  repoRoute("POST", "/statuses/:sha", "statuses:write", create),
  repoRoute("GET", "/commits/:ref/statuses", "statuses:read", (ctx) =>
    paginated(ctx, statusesOf(ctx.repo, resolveSha(ctx.repo, param(ctx, "ref"))), (s) => statusJson(ctx.state, ctx.repo, s, true))),
  repoRoute("GET", "/commits/:ref/status", "statuses:read", combined),
];
