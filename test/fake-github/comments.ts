// Issue comments (on issues and pull requests) and reactions on them.
import { checkBodyLength, forbidden, noContent, notFound, ok, validationFailed } from "./http.js";
import { oneOf, requireStr } from "./fields.js";
import { paginated, sinceParam, sortBy } from "./pagination.js";
import { hasPermission, numParam, repoRoute, type RepoCtx, type Route } from "./router.js";
import { commentJson, userJson } from "./serialize.js";
import { findIssue } from "./issues.js";
import { nodeId, type FakeState } from "./state.js";
import type { CommentRecord, ReactionContent, ReactionRecord, RepoRecord, Timestamp, UserRecord } from "./types.js";

export function newComment(
  state: FakeState, repo: RepoRecord, issueNumber: number, body: string, user: UserRecord, at?: Timestamp,
): CommentRecord {
  const id = state.nextId("comment");
  const created = at ?? state.iso();
  const comment: CommentRecord = {
    id, node_id: nodeId("IC", id), issueNumber, body, user, created_at: created, updated_at: created, reactions: [],
    viaApp: user.id === state.config.botUserId,
  };
  repo.comments.set(id, comment);
  const issue = repo.issues.get(issueNumber);
  if (issue && issue.updated_at < created) issue.updated_at = created;
  return comment;
}

function findComment(ctx: RepoCtx, level: "read" | "write"): CommentRecord {
  const comment = ctx.repo.comments.get(numParam(ctx, "id"));
  if (!comment) throw notFound();
  const issue = ctx.repo.issues.get(comment.issueNumber);
  if (issue?.kind === "issue" && ctx.repo.installationId === ctx.installationId && !hasPermission(ctx, `issues:${level}`)) {
    throw forbidden();
  }
  return comment;
}

function commentBody(ctx: RepoCtx): string {
  const body = requireStr(ctx.body, "body", "IssueComment");
  checkBodyLength("IssueComment", body);
  return body;
}

const CONTENTS = ["+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"] as const;

function reactionJson(ctx: RepoCtx, reaction: ReactionRecord): Record<string, unknown> {
  return {
    id: reaction.id,
    node_id: nodeId("REA", reaction.id),
    user: userJson(ctx.state, reaction.user),
    content: reaction.content,
    created_at: reaction.created_at,
  };
}

const READ = "issues|pull_requests:read";
const WRITE = "issues|pull_requests:write";

export const commentRoutes: Route[] = [
  repoRoute("GET", "/issues/:number/comments", READ, (ctx) => {
    const issue = findIssue(ctx, "read");
    const since = sinceParam(ctx);
    const comments = [...ctx.repo.comments.values()]
      .filter((c) => c.issueNumber === issue.number && (since === null || c.updated_at >= since));
    return paginated(ctx, comments, (c) => commentJson(ctx.state, ctx.repo, c));
  }),
  repoRoute("POST", "/issues/:number/comments", WRITE, (ctx) => {
    const issue = findIssue(ctx, "write");
    if (issue.locked) throw forbidden("Unable to create comment because issue is locked.");
    const comment = newComment(ctx.state, ctx.repo, issue.number, commentBody(ctx), ctx.state.botUser());
    return ok(commentJson(ctx.state, ctx.repo, comment), 201);
  }),
  repoRoute("GET", "/issues/comments", READ, (ctx) => {
    const since = sinceParam(ctx);
    const sort = ctx.query.get("sort") ?? "created";
    const all = [...ctx.repo.comments.values()].filter((c) => since === null || c.updated_at >= since);
    const sorted = sortBy(all, (c) => (sort === "updated" ? c.updated_at : c.created_at), ctx.query.get("direction"), "asc");
    return paginated(ctx, sorted, (c) => commentJson(ctx.state, ctx.repo, c));
  }),
  repoRoute("GET", "/issues/comments/:id", READ, (ctx) => ok(commentJson(ctx.state, ctx.repo, findComment(ctx, "read")))),
  repoRoute("PATCH", "/issues/comments/:id", WRITE, (ctx) => {
    const comment = findComment(ctx, "write");
    comment.body = commentBody(ctx);
    comment.updated_at = ctx.state.iso();
    return ok(commentJson(ctx.state, ctx.repo, comment));
  }),
  repoRoute("DELETE", "/issues/comments/:id", WRITE, (ctx) => {
    ctx.repo.comments.delete(findComment(ctx, "write").id);
    return noContent();
  }),
  repoRoute("GET", "/issues/comments/:id/reactions", READ, (ctx) => {
    const content = ctx.query.get("content");
    const reactions = findComment(ctx, "read").reactions.filter((r) => content === null || r.content === content);
    return paginated(ctx, reactions, (r) => reactionJson(ctx, r));
  }),
  repoRoute("POST", "/issues/comments/:id/reactions", WRITE, (ctx) => {
    const comment = findComment(ctx, "write");
    const content: ReactionContent | undefined = oneOf(ctx.body, "content", CONTENTS, "Reaction");
    if (!content) throw validationFailed({ resource: "Reaction", field: "content", code: "missing_field" });
    const user = ctx.state.botUser();
    // The same user reacting twice with the same content gets the existing reaction back, with 200.
    const existing = comment.reactions.find((r) => r.content === content && r.user.id === user.id);
    if (existing) return ok(reactionJson(ctx, existing), 200);
    const reaction: ReactionRecord = { id: ctx.state.nextId("reaction"), content, user, created_at: ctx.state.iso() };
    comment.reactions.push(reaction);
    return ok(reactionJson(ctx, reaction), 201);
  }),
  repoRoute("DELETE", "/issues/comments/:id/reactions/:reaction", WRITE, (ctx) => {
    const comment = findComment(ctx, "write");
    const id = numParam(ctx, "reaction");
    if (!comment.reactions.some((r) => r.id === id)) throw notFound();
    comment.reactions = comment.reactions.filter((r) => r.id !== id);
    return noContent();
  }),
];
