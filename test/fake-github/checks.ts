// Check runs: create, update, get, list for a ref. Validation follows GitHub's documented limits.
import { ApiError, errorBody, forbidden, notFound, ok, validationFailed } from "./http.js";
import { asJson, has, oneOf, requireStr, str, strOrNull, type Json } from "./fields.js";
import { pageOf } from "./pagination.js";
import { numParam, param, repoRoute, type RepoCtx, type Route } from "./router.js";
import { appJson, repoUrls } from "./serialize.js";
import { nodeId, type FakeState } from "./state.js";
import type { AppRef, CheckRunAction, CheckRunRecord, PullRecord, RepoRecord } from "./types.js";

const STATUSES = ["queued", "in_progress", "completed"] as const;
const CONCLUSIONS = ["action_required", "cancelled", "failure", "neutral", "success", "skipped", "stale", "timed_out"] as const;

function invalid(field: string, message: string): ApiError {
  return validationFailed({ resource: "CheckRun", field, code: "custom", message });
}

function parseActions(value: unknown): CheckRunAction[] {
  if (!Array.isArray(value)) throw invalid("actions", "actions must be an array");
  if (value.length > 3) throw invalid("actions", "Only 3 actions are allowed per check run");
  return value.map((item) => {
    const action = asJson(item);
    const fields = { label: 20, description: 40, identifier: 20 } as const;
    for (const [key, max] of Object.entries(fields)) {
      const text = action[key];
      if (typeof text !== "string" || text === "") throw validationFailed({ resource: "CheckRun", field: `actions.${key}`, code: "missing_field" });
      if (text.length > max) throw invalid(`actions.${key}`, `${key} is too long (maximum is ${max} characters)`);
    }
    return { label: String(action["label"]), description: String(action["description"]), identifier: String(action["identifier"]) };
  });
}

/** Applies a create/update body to a record; on create `run` is a blank record. */
function applyFields(state: FakeState, run: CheckRunRecord, body: Json): void {
  const status = oneOf(body, "status", STATUSES, "CheckRun");
  const conclusion = oneOf(body, "conclusion", CONCLUSIONS, "CheckRun");
  if (status === "completed" && !conclusion && !run.conclusion) {
    throw invalid("conclusion", "conclusion must be provided when status is completed");
  }
  if (has(body, "output")) {
    const output = asJson(body["output"]);
    const title = requireStr(output, "title", "CheckRun");
    const summary = requireStr(output, "summary", "CheckRun");
    const text = str(output, "text") ?? null;
    if (summary.length > 65_535) throw invalid("output.summary", "summary is too long (maximum is 65535 characters)");
    if (text && text.length > 65_535) throw invalid("output.text", "text is too long (maximum is 65535 characters)");
    const annotations = Array.isArray(output["annotations"]) ? output["annotations"].length : 0;
    if (annotations > 50) throw invalid("output.annotations", "Only 50 annotations are allowed per request");
    run.output = { title, summary, text, annotations_count: run.output.annotations_count + annotations };
  }
  if (has(body, "actions")) run.actions = parseActions(body["actions"]);
  run.name = str(body, "name") ?? run.name;
  const details = strOrNull(body, "details_url", "CheckRun");
  if (details !== undefined) run.details_url = details;
  const external = strOrNull(body, "external_id", "CheckRun");
  if (external !== undefined) run.external_id = external;
  run.started_at = str(body, "started_at") ?? run.started_at;
  if (conclusion) {
    run.conclusion = conclusion;
    run.status = "completed";
  } else if (status) {
    run.status = status;
    if (status !== "completed") run.conclusion = null;
  }
  if (run.status === "completed") run.completed_at = str(body, "completed_at") ?? run.completed_at ?? state.iso();
}

function knownShas(repo: RepoRecord): Set<string> {
  const shas = new Set(repo.branches.values());
  for (const commit of repo.fileCommits) shas.add(commit.sha);
  for (const issue of repo.issues.values()) {
    if (issue.kind === "pull") for (const commit of issue.commits) shas.add(commit.sha);
  }
  return shas;
}

export function resolveSha(repo: RepoRecord, ref: string): string {
  const branch = repo.branches.get(ref.replace(/^(refs\/)?heads\//, ""));
  if (branch) return branch;
  if (/^[0-9a-f]{40}$/.test(ref) && knownShas(repo).has(ref)) return ref;
  throw new ApiError(errorBody(`No commit found for SHA: ${ref}`, 422));
}

export function newCheckRun(state: FakeState, repo: RepoRecord, body: Json, app: AppRef = state.app()): CheckRunRecord {
  const name = requireStr(body, "name", "CheckRun");
  const headSha = resolveSha(repo, requireStr(body, "head_sha", "CheckRun"));
  const id = state.nextId("checkRun");
  const run: CheckRunRecord = {
    id, node_id: nodeId("CR", id), name, head_sha: headSha, status: "queued", conclusion: null, started_at: state.iso(),
    completed_at: null, output: { title: null, summary: null, text: null, annotations_count: 0 }, actions: [],
    details_url: null, external_id: null, app, check_suite_id: state.nextId("checkSuite"),
  };
  applyFields(state, run, body);
  repo.checkRuns.set(id, run);
  return run;
}

export function checkRunJson(state: FakeState, repo: RepoRecord, run: CheckRunRecord): Record<string, unknown> {
  const { api, web } = repoUrls(state, repo);
  const pulls = [...repo.issues.values()].filter((i): i is PullRecord => i.kind === "pull" && i.state === "open" && i.head.sha === run.head_sha);
  const url = `${api}/check-runs/${run.id}`;
  return {
    id: run.id, node_id: run.node_id, head_sha: run.head_sha, external_id: run.external_id, url,
    html_url: `${web}/runs/${run.id}`, details_url: run.details_url, status: run.status, conclusion: run.conclusion,
    started_at: run.started_at, completed_at: run.completed_at,
    output: { ...run.output, annotations_url: `${url}/annotations` },
    name: run.name, check_suite: { id: run.check_suite_id }, app: appJson(state, run.app),
    pull_requests: pulls.map((pr) => ({
      id: pr.pull_id, number: pr.number, url: `${api}/pulls/${pr.number}`,
      head: { ref: pr.head.ref, sha: pr.head.sha, repo: { id: repo.id, url: api, name: repo.name } },
      base: { ref: pr.base.ref, sha: pr.base.sha, repo: { id: repo.id, url: api, name: repo.name } },
    })),
  };
}

function findRun(ctx: RepoCtx): CheckRunRecord {
  const run = ctx.repo.checkRuns.get(numParam(ctx, "id"));
  if (!run) throw notFound();
  return run;
}

function listForRef(ctx: RepoCtx): ReturnType<typeof ok> {
  const sha = resolveSha(ctx.repo, param(ctx, "ref"));
  const q = ctx.query;
  const name = q.get("check_name");
  const status = q.get("status");
  const appId = q.get("app_id");
  let runs = [...ctx.repo.checkRuns.values()]
    .filter((r) => r.head_sha === sha && (name === null || r.name === name) && (status === null || r.status === status))
    .filter((r) => appId === null || String(r.app.id) === appId)
    .sort((a, b) => b.id - a.id);
  if ((q.get("filter") ?? "latest") === "latest") {
    const seen = new Set<string>();
    runs = runs.filter((r) => !seen.has(`${r.app.id}/${r.name}`) && Boolean(seen.add(`${r.app.id}/${r.name}`)));
  }
  const page = pageOf(ctx, runs);
  return ok({ total_count: runs.length, check_runs: page.items.map((r) => checkRunJson(ctx.state, ctx.repo, r)) }, 200, page.headers);
}

export const checkRoutes: Route[] = [
  repoRoute("POST", "/check-runs", "checks:write", (ctx) =>
    ok(checkRunJson(ctx.state, ctx.repo, newCheckRun(ctx.state, ctx.repo, ctx.body)), 201)),
  repoRoute("PATCH", "/check-runs/:id", "checks:write", (ctx) => {
    const run = findRun(ctx);
    if (run.app.id !== ctx.state.config.appId) {
      throw forbidden(`Invalid app_id \`${ctx.state.config.appId}\` - check run can only be modified by the GitHub App that created it.`);
    }
    applyFields(ctx.state, run, ctx.body);
    return ok(checkRunJson(ctx.state, ctx.repo, run));
  }),
  repoRoute("GET", "/check-runs/:id", "checks:read", (ctx) => ok(checkRunJson(ctx.state, ctx.repo, findRun(ctx)))),
  repoRoute("GET", "/commits/:ref/check-runs", "checks:read", listForRef),
];
