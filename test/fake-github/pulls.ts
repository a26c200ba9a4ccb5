// Pull requests: get, list, update, commits, files, reviews, review requests and merge.
import { ApiError, errorBody, notFound, ok, validationFailed } from "./http.js";
import { asJson, names, oneOf, str } from "./fields.js";
import { paginated, sortBy } from "./pagination.js";
import { numParam, repoRoute, type RepoCtx, type Route } from "./router.js";
import { permissionOf } from "./collaborators.js";
import { commitJson, fileJson, pullJson, pullSimpleJson, reviewJson } from "./serialize-pull.js";
import type { PullRecord } from "./types.js";

function findPull(ctx: RepoCtx): PullRecord {
  const issue = ctx.repo.issues.get(numParam(ctx, "number"));
  if (!issue || issue.kind !== "pull") throw notFound();
  return issue;
}

function listPulls(ctx: RepoCtx): PullRecord[] {
  const q = ctx.query;
  const wanted = q.get("state") ?? "open";
  const head = q.get("head");
  const base = q.get("base");
  const pulls = [...ctx.repo.issues.values()].filter((i): i is PullRecord => i.kind === "pull")
    .filter((pr) => wanted === "all" || pr.state === wanted)
    .filter((pr) => head === null || `${ctx.repo.owner.login}:${pr.head.ref}`.toLowerCase() === head.toLowerCase())
    .filter((pr) => base === null || pr.base.ref === base);
  const sort = q.get("sort") ?? "created";
  const key = sort === "updated" ? (pr: PullRecord) => pr.updated_at
    : sort === "popularity" ? (pr: PullRecord) => [...ctx.repo.comments.values()].filter((c) => c.issueNumber === pr.number).length
    : sort === "long-running" ? (pr: PullRecord) => pr.created_at
    : (pr: PullRecord) => pr.created_at;
  return sortBy(pulls, key, q.get("direction"), sort === "created" ? "desc" : "asc");
}

const MERGE_METHODS = ["merge", "squash", "rebase"] as const;
const MERGEABLE_STATES = new Set(["clean", "unstable", "has_hooks"]);

function notMergeable(message = "Pull Request is not mergeable"): ApiError {
  return new ApiError(errorBody(message, 405));
}

function merge(ctx: RepoCtx): ReturnType<typeof ok> {
  const pr = findPull(ctx);
  const body = ctx.body;
  const method = oneOf(body, "merge_method", MERGE_METHODS, "PullRequest") ?? "merge";
  const allowed = { merge: ctx.repo.allow_merge_commit, squash: ctx.repo.allow_squash_merge, rebase: ctx.repo.allow_rebase_merge };
  if (!allowed[method]) {
    const what = { merge: "Merge commits", squash: "Squash merges", rebase: "Rebase merges" }[method];
    throw notMergeable(`${what} are not allowed on this repository.`);
  }
  if (pr.state !== "open" || pr.merged) throw notMergeable();
  const sha = str(body, "sha");
  if (sha !== undefined && sha !== pr.head.sha) {
    throw new ApiError(errorBody("Head branch was modified. Review and try the merge again.", 409));
  }
  if (pr.draft || pr.mergeable === false || !MERGEABLE_STATES.has(pr.mergeable_state)) throw notMergeable();
  const state = ctx.state;
  const mergeSha = state.sha();
  pr.merged = true;
  pr.merged_at = state.iso();
  pr.merged_by = state.botUser();
  pr.merge_commit_sha = mergeSha;
  pr.state = "closed";
  pr.closed_at = state.iso();
  pr.auto_merge = null;
  state.touch(pr);
  ctx.repo.branches.set(pr.base.ref, mergeSha);
  return ok({ sha: mergeSha, merged: true, message: "Pull Request successfully merged" });
}

function requestReviewers(ctx: RepoCtx): ReturnType<typeof ok> {
  const pr = findPull(ctx);
  const logins = names(ctx.body["reviewers"], "PullRequest", "reviewers") ?? [];
  for (const login of logins) {
    if (login.toLowerCase() === pr.user.login.toLowerCase()) {
      throw validationFailed({ resource: "PullRequest", code: "custom", message: "Review cannot be requested from pull request author." });
    }
    if (permissionOf(ctx.repo, login) === "none" || permissionOf(ctx.repo, login) === "read") {
      throw validationFailed({
        resource: "PullRequest", code: "custom",
        message: `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${ctx.repo.full_name} repository.`,
      });
    }
  }
  for (const login of logins) {
    if (!pr.requested_reviewers.some((u) => u.login.toLowerCase() === login.toLowerCase())) {
      pr.requested_reviewers.push(ctx.state.user(login));
    }
  }
  ctx.state.touch(pr);
  return ok(pullSimpleJson(ctx.state, ctx.repo, pr), 201);
}

export const pullRoutes: Route[] = [
  repoRoute("GET", "/pulls", "pull_requests:read", (ctx) =>
    paginated(ctx, listPulls(ctx), (pr) => pullSimpleJson(ctx.state, ctx.repo, pr))),
  repoRoute("GET", "/pulls/:number", "pull_requests:read", (ctx) => ok(pullJson(ctx.state, ctx.repo, findPull(ctx)))),
  repoRoute("PATCH", "/pulls/:number", "pull_requests:write", (ctx) => {
    const pr = findPull(ctx);
    const body = ctx.body;
    const next = oneOf(body, "state", ["open", "closed"] as const, "PullRequest");
    if (next === "open" && pr.merged) {
      throw validationFailed({ resource: "PullRequest", code: "custom", field: "state", message: "state cannot be changed. The pull request has been merged." });
    }
    if (next && next !== pr.state) {
      pr.state = next;
      pr.closed_at = next === "closed" ? ctx.state.iso() : null;
      if (next === "closed") pr.auto_merge = null;
    }
    pr.title = str(body, "title") ?? pr.title;
    if (typeof body["body"] === "string" || body["body"] === null) pr.body = body["body"];
    pr.base.ref = str(body, "base") ?? pr.base.ref;
    ctx.state.touch(pr);
    return ok(pullJson(ctx.state, ctx.repo, pr));
  }),
  repoRoute("GET", "/pulls/:number/commits", "pull_requests:read", (ctx) => {
    const pr = findPull(ctx);
    return paginated(ctx, pr.commits.slice(0, 250), (commit) => {
      const index = pr.commits.indexOf(commit);
      const parent = index > 0 ? (pr.commits[index - 1]?.sha ?? pr.base.sha) : pr.base.sha;
      return commitJson(ctx.state, ctx.repo, commit, parent);
    });
  }),
  repoRoute("GET", "/pulls/:number/files", "pull_requests:read", (ctx) => {
    const pr = findPull(ctx);
    return paginated(ctx, pr.files.slice(0, 3000), (file) => fileJson(ctx.state, ctx.repo, pr, file));
  }),
  repoRoute("GET", "/pulls/:number/reviews", "pull_requests:read", (ctx) => {
    const pr = findPull(ctx);
    return paginated(ctx, pr.reviews, (review) => reviewJson(ctx.state, ctx.repo, pr, review));
  }),
  repoRoute("POST", "/pulls/:number/requested_reviewers", "pull_requests:write", requestReviewers),
  repoRoute("DELETE", "/pulls/:number/requested_reviewers", "pull_requests:write", (ctx) => {
    const pr = findPull(ctx);
    const logins = new Set((names(asJson(ctx.body)["reviewers"], "PullRequest", "reviewers") ?? []).map((l) => l.toLowerCase()));
    pr.requested_reviewers = pr.requested_reviewers.filter((u) => !logins.has(u.login.toLowerCase()));
    ctx.state.touch(pr);
    return ok(pullSimpleJson(ctx.state, ctx.repo, pr));
  }),
  repoRoute("PUT", "/pulls/:number/merge", "contents:write", merge),
];
