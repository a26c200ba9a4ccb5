// Issues (pull requests included, as on GitHub): create, get, update, list, assignees.
import { checkBodyLength, forbidden, notFound, ok, validationFailed } from "./http.js";
import { has, names, oneOf, requireStr, str, strOrNull } from "./fields.js";
import { paginated, sinceParam, sortBy } from "./pagination.js";
import { hasPermission, numParam, repoRoute, type RepoCtx, type Route } from "./router.js";
import { issueJson } from "./serialize.js";
import { ensureLabel, newIssue } from "./seed-issues.js";
import { permissionOf } from "./collaborators.js";
import type { IssueRecord, PullRecord, UserRecord } from "./types.js";

type AnyIssue = IssueRecord | PullRecord;

/** Issue routes serve PR numbers too; a plain issue needs the `issues` permission itself. */
export function findIssue(ctx: RepoCtx, level: "read" | "write"): AnyIssue {
  const issue = ctx.repo.issues.get(numParam(ctx, "number"));
  if (!issue) throw notFound();
  if (issue.kind === "issue" && ctx.repo.installationId === ctx.installationId && !hasPermission(ctx, `issues:${level}`)) {
    throw forbidden();
  }
  return issue;
}

function assignees(ctx: RepoCtx, value: unknown): UserRecord[] | undefined {
  const logins = names(value, "Issue", "assignees");
  return logins?.map((login) => {
    if (permissionOf(ctx.repo, login) === "none") {
      throw validationFailed({ resource: "Issue", field: "assignees", code: "invalid", value: login });
    }
    return ctx.state.user(login);
  });
}

function update(ctx: RepoCtx): ReturnType<typeof ok> {
  const issue = findIssue(ctx, "write");
  const body = ctx.body;
  const state = ctx.state;
  const title = str(body, "title");
  if (has(body, "title") && !title) throw validationFailed({ resource: "Issue", field: "title", code: "missing_field" });
  const text = strOrNull(body, "body", "Issue");
  checkBodyLength("Issue", text);
  const next = oneOf(body, "state", ["open", "closed"] as const, "Issue");
  const reason = oneOf(body, "state_reason", ["completed", "not_planned", "reopened"] as const, "Issue");
  if (next === "open" && issue.kind === "pull" && issue.merged) {
    throw validationFailed({ resource: "Issue", field: "state", code: "invalid", message: "state cannot be changed. The pull request has been merged." });
  }
  const labelNames = names(body["labels"], "Issue", "labels");
  const newAssignees = assignees(ctx, body["assignees"]);
  if (title) issue.title = title;
  if (text !== undefined) issue.body = text;
  if (labelNames) issue.labels = labelNames.map((name) => ensureLabel(state, ctx.repo, name));
  if (newAssignees) issue.assignees = newAssignees;
  if (next === "closed" && issue.state === "open") {
    issue.state = "closed";
    issue.closed_at = state.iso();
    issue.closed_by = state.botUser();
    issue.state_reason = issue.kind === "pull" ? null : (reason ?? "completed");
    if (issue.kind === "pull") issue.auto_merge = null;
  } else if (next === "open" && issue.state === "closed") {
    issue.state = "open";
    issue.closed_at = null;
    issue.closed_by = null;
    issue.state_reason = issue.kind === "pull" ? null : "reopened";
  } else if (reason && issue.kind === "issue" && issue.state === "closed") {
    issue.state_reason = reason;
  }
  state.touch(issue);
  return ok(issueJson(state, ctx.repo, issue));
}

function list(ctx: RepoCtx): AnyIssue[] {
  const q = ctx.query;
  const wanted = q.get("state") ?? "open";
  const labels = (q.get("labels") ?? "").split(",").map((l) => l.trim().toLowerCase()).filter(Boolean);
  const creator = q.get("creator")?.toLowerCase();
  const assignee = q.get("assignee")?.toLowerCase();
  const since = sinceParam(ctx);
  const issues = [...ctx.repo.issues.values()]
    .filter((i) => wanted === "all" || i.state === wanted)
    .filter((i) => labels.every((l) => i.labels.some((name) => name.toLowerCase() === l)))
    .filter((i) => creator === undefined || i.user.login.toLowerCase() === creator)
    .filter((i) => assignee === undefined || (assignee === "none" ? i.assignees.length === 0
      : assignee === "*" ? i.assignees.length > 0 : i.assignees.some((u) => u.login.toLowerCase() === assignee)))
    .filter((i) => since === null || i.updated_at >= since);
  const sort = q.get("sort") ?? "created";
  const comments = (i: AnyIssue) => [...ctx.repo.comments.values()].filter((c) => c.issueNumber === i.number).length;
  const key = sort === "updated" ? (i: AnyIssue) => i.updated_at : sort === "comments" ? comments : (i: AnyIssue) => i.created_at;
  return sortBy(issues, key, q.get("direction"), "desc");
}

export const issueRoutes: Route[] = [
  repoRoute("POST", "/issues", "issues:write", (ctx) => {
    const title = requireStr(ctx.body, "title", "Issue");
    const body = strOrNull(ctx.body, "body", "Issue");
    checkBodyLength("Issue", body);
    const issue = newIssue(ctx.state, ctx.repo, {
      title,
      body: body ?? null,
      user: ctx.state.botUser(),
      labels: names(ctx.body["labels"], "Issue", "labels") ?? [],
      assignees: assignees(ctx, ctx.body["assignees"]) ?? [],
    });
    return ok(issueJson(ctx.state, ctx.repo, issue), 201);
  }),
  repoRoute("GET", "/issues", "issues|pull_requests:read", (ctx) =>
    paginated(ctx, list(ctx), (issue) => issueJson(ctx.state, ctx.repo, issue))),
  repoRoute("GET", "/issues/:number", "issues|pull_requests:read", (ctx) =>
    ok(issueJson(ctx.state, ctx.repo, findIssue(ctx, "read")))),
  repoRoute("PATCH", "/issues/:number", "issues|pull_requests:write", update),
  repoRoute("POST", "/issues/:number/assignees", "issues|pull_requests:write", (ctx) => {
    const issue = findIssue(ctx, "write");
    for (const user of assignees(ctx, ctx.body["assignees"]) ?? []) {
      if (!issue.assignees.includes(user)) issue.assignees.push(user);
    }
    ctx.state.touch(issue);
    return ok(issueJson(ctx.state, ctx.repo, issue), 201);
  }),
  repoRoute("DELETE", "/issues/:number/assignees", "issues|pull_requests:write", (ctx) => {
    const issue = findIssue(ctx, "write");
    const drop = new Set(assignees(ctx, ctx.body["assignees"]) ?? []);
    issue.assignees = issue.assignees.filter((u) => !drop.has(u));
    ctx.state.touch(issue);
    return ok(issueJson(ctx.state, ctx.repo, issue));
  }),
];
