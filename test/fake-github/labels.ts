// Repository labels and labels on issues/pull requests. Names are case-insensitive, as on GitHub.
import { ApiError, errorBody, noContent, notFound, ok, validationFailed } from "./http.js";
import { asJson, names, requireStr, str, strOrNull } from "./fields.js";
import { paginated } from "./pagination.js";
import { param, repoRoute, type RepoCtx, type Route } from "./router.js";
import { issueLabelsJson, labelJson } from "./serialize.js";
import { ensureLabel } from "./seed-issues.js";
import { findIssue } from "./issues.js";
import { nodeId, type FakeState } from "./state.js";
import type { LabelRecord, RepoRecord } from "./types.js";

function color(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const hex = value.replace(/^#/, "");
  if (!/^[0-9a-fA-F]{6}$/.test(hex)) throw validationFailed({ resource: "Label", field: "color", code: "invalid", value });
  return hex.toLowerCase();
}

export function newLabel(
  state: FakeState, repo: RepoRecord, name: string, opts: { color?: string; description?: string | null } = {},
): LabelRecord {
  if (repo.labels.has(name.toLowerCase())) {
    throw validationFailed({ resource: "Label", code: "already_exists", field: "name" });
  }
  const id = state.nextId("label");
  const label: LabelRecord = {
    id, node_id: nodeId("LA", id), name, color: color(opts.color) ?? "ededed", description: opts.description ?? null, default: false,
  };
  repo.labels.set(name.toLowerCase(), label);
  return label;
}

function findLabel(ctx: RepoCtx): LabelRecord {
  const label = ctx.repo.labels.get(param(ctx, "name").toLowerCase());
  if (!label) throw notFound();
  return label;
}

/** Octokit sends `{ labels: [...] }`; older clients send the bare array. */
function labelsFromBody(ctx: RepoCtx): string[] {
  const value = Array.isArray(ctx.rawBody) ? ctx.rawBody : asJson(ctx.rawBody)["labels"];
  const list = names(value, "Label", "labels");
  if (!list) throw validationFailed({ resource: "Label", field: "labels", code: "missing_field" });
  return list;
}

function issueLabels(ctx: RepoCtx, status = 200): ReturnType<typeof ok> {
  const issue = findIssue(ctx, "read");
  return ok(issueLabelsJson(ctx.state, ctx.repo, issue), status);
}

const READ = "issues|pull_requests:read";
const WRITE = "issues|pull_requests:write";

export const labelRoutes: Route[] = [
  repoRoute("GET", "/labels", READ, (ctx) =>
    paginated(ctx, [...ctx.repo.labels.values()], (l) => labelJson(ctx.state, ctx.repo, l))),
  repoRoute("POST", "/labels", WRITE, (ctx) => {
    const label = newLabel(ctx.state, ctx.repo, requireStr(ctx.body, "name", "Label"), {
      color: str(ctx.body, "color"), description: strOrNull(ctx.body, "description", "Label") ?? null,
    });
    return ok(labelJson(ctx.state, ctx.repo, label), 201);
  }),
  repoRoute("GET", "/labels/:name", READ, (ctx) => ok(labelJson(ctx.state, ctx.repo, findLabel(ctx)))),
  repoRoute("PATCH", "/labels/:name", WRITE, (ctx) => {
    const label = findLabel(ctx);
    const renamed = str(ctx.body, "new_name");
    if (renamed && renamed.toLowerCase() !== label.name.toLowerCase() && ctx.repo.labels.has(renamed.toLowerCase())) {
      throw validationFailed({ resource: "Label", code: "already_exists", field: "name" });
    }
    if (renamed) {
      for (const issue of ctx.repo.issues.values()) {
        issue.labels = issue.labels.map((n) => (n.toLowerCase() === label.name.toLowerCase() ? renamed : n));
      }
      ctx.repo.labels.delete(label.name.toLowerCase());
      label.name = renamed;
      ctx.repo.labels.set(renamed.toLowerCase(), label);
    }
    label.color = color(str(ctx.body, "color")) ?? label.color;
    const description = strOrNull(ctx.body, "description", "Label");
    if (description !== undefined) label.description = description;
    return ok(labelJson(ctx.state, ctx.repo, label));
  }),
  repoRoute("DELETE", "/labels/:name", WRITE, (ctx) => {
    const label = findLabel(ctx);
    ctx.repo.labels.delete(label.name.toLowerCase());
    for (const issue of ctx.repo.issues.values()) {
      issue.labels = issue.labels.filter((n) => n.toLowerCase() !== label.name.toLowerCase());
    }
    return noContent();
  }),
  repoRoute("GET", "/issues/:number/labels", READ, (ctx) => {
    const issue = findIssue(ctx, "read");
    return paginated(ctx, issueLabelsJson(ctx.state, ctx.repo, issue), (l) => l);
  }),
  repoRoute("POST", "/issues/:number/labels", WRITE, (ctx) => {
    const issue = findIssue(ctx, "write");
    for (const name of labelsFromBody(ctx)) {
      const canonical = ensureLabel(ctx.state, ctx.repo, name);
      if (!issue.labels.some((n) => n.toLowerCase() === canonical.toLowerCase())) issue.labels.push(canonical);
    }
    ctx.state.touch(issue);
    return issueLabels(ctx);
  }),
  repoRoute("PUT", "/issues/:number/labels", WRITE, (ctx) => {
    const issue = findIssue(ctx, "write");
    issue.labels = [...new Set(labelsFromBody(ctx).map((name) => ensureLabel(ctx.state, ctx.repo, name)))];
    ctx.state.touch(issue);
    return issueLabels(ctx);
  }),
  repoRoute("DELETE", "/issues/:number/labels/:name", WRITE, (ctx) => {
    const issue = findIssue(ctx, "write");
    const name = param(ctx, "name").toLowerCase();
    if (!issue.labels.some((n) => n.toLowerCase() === name)) {
      throw new ApiError(errorBody("Label does not exist", 404));
    }
    issue.labels = issue.labels.filter((n) => n.toLowerCase() !== name);
    ctx.state.touch(issue);
    return issueLabels(ctx);
  }),
  repoRoute("DELETE", "/issues/:number/labels", WRITE, (ctx) => {
    const issue = findIssue(ctx, "write");
    issue.labels = [];
    ctx.state.touch(issue);
    return noContent();
  }),
];
