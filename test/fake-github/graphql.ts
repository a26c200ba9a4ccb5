// POST /api/graphql: auto-merge mutations; anything else gets a GraphQL error and is recorded.
import { ok, type Reply } from "./http.js";
import { asJson, str } from "./fields.js";
import { GqlSyntaxError, parseOperation, resolveValue, type Operation, type RootField } from "./graphql-parse.js";
import { hasPermission, installationRoute, type Ctx, type Route } from "./router.js";
import type { AutoMergeRecord, PullRecord, RepoRecord } from "./types.js";

interface GqlError {
  type?: string;
  message: string;
  path?: string[];
  locations?: { line: number; column: number }[];
}

class FieldError extends Error {
  constructor(readonly type: string, message: string) {
    super(message);
  }
}

type Resolver = (ctx: Ctx, input: Record<string, unknown>) => unknown;

const MERGE_METHODS: Record<string, AutoMergeRecord["merge_method"]> = { MERGE: "merge", SQUASH: "squash", REBASE: "rebase" };

function findPull(ctx: Ctx, id: unknown): { repo: RepoRecord; pull: PullRecord } {
  const found = typeof id === "string" ? ctx.state.findPullByNodeId(id) : undefined;
  // Another installation's pull request is invisible, exactly like an unknown id.
  if (!found || (found.repo.installationId !== ctx.installationId && found.repo.private)) {
    throw new FieldError("NOT_FOUND", `Could not resolve to a node with the global id of '${String(id)}'`);
  }
  return found;
}

function pullPayload(ctx: Ctx, repo: RepoRecord, pr: PullRecord): Record<string, unknown> {
  const auto = pr.auto_merge;
  return {
    id: pr.pull_node_id,
    number: pr.number,
    url: `${ctx.state.config.webUrl}/${repo.full_name}/pull/${pr.number}`,
    autoMergeRequest: auto && {
      enabledAt: auto.enabled_at, mergeMethod: auto.merge_method.toUpperCase(), enabledBy: { login: auto.enabled_by.login },
      commitHeadline: auto.commit_title, commitBody: auto.commit_message,
    },
  };
}

const ENABLEABLE = new Set(["blocked", "behind", "unknown"]);

const mutations: Record<string, Resolver> = {
  enablePullRequestAutoMerge(ctx, input) {
    const { repo, pull } = findPull(ctx, input["pullRequestId"]);
    if (repo.installationId !== ctx.installationId || !hasPermission(ctx, "contents:write")) {
      throw new FieldError("FORBIDDEN", "Resource not accessible by integration");
    }
    if (!repo.allow_auto_merge) throw new FieldError("UNPROCESSABLE", "Auto merge is not allowed for this repository");
    const method = MERGE_METHODS[String(input["mergeMethod"] ?? "MERGE")];
    if (!method) throw new FieldError("INVALID", `Argument 'mergeMethod' has an invalid value (${String(input["mergeMethod"])})`);
    const allowed = { merge: repo.allow_merge_commit, squash: repo.allow_squash_merge, rebase: repo.allow_rebase_merge };
    if (!allowed[method]) throw new FieldError("UNPROCESSABLE", `Pull request Merge method ${method} is not allowed on this repository`);
    if (pull.state !== "open" || pull.draft || pull.mergeable_state === "dirty" || pull.mergeable_state === "draft") {
      throw new FieldError("UNPROCESSABLE", "Can't enable auto-merge for this pull request.");
    }
    // GitHub refuses when nothing is left to wait for; the caller must merge over REST instead.
    if (!ENABLEABLE.has(pull.mergeable_state)) {
      throw new FieldError("UNPROCESSABLE", `Pull request Pull request is in ${pull.mergeable_state} status`);
    }
    const expected = input["expectedHeadOid"];
    if (typeof expected === "string" && expected !== pull.head.sha) {
      throw new FieldError("UNPROCESSABLE", "Pull request Head sha didn't match expected head sha");
    }
    pull.auto_merge = {
      enabled_by: ctx.state.botUser(), merge_method: method, enabled_at: ctx.state.iso(),
      commit_title: typeof input["commitHeadline"] === "string" ? input["commitHeadline"] : null,
      commit_message: typeof input["commitBody"] === "string" ? input["commitBody"] : null,
    };
    ctx.state.touch(pull);
    return { clientMutationId: input["clientMutationId"] ?? null, actor: { login: ctx.state.botUser().login }, pullRequest: pullPayload(ctx, repo, pull) };
  },
  disablePullRequestAutoMerge(ctx, input) {
    const { repo, pull } = findPull(ctx, input["pullRequestId"]);
    if (repo.installationId !== ctx.installationId || !hasPermission(ctx, "contents:write")) {
      throw new FieldError("FORBIDDEN", "Resource not accessible by integration");
    }
    pull.auto_merge = null;
    ctx.state.touch(pull);
    return { clientMutationId: input["clientMutationId"] ?? null, actor: { login: ctx.state.botUser().login }, pullRequest: pullPayload(ctx, repo, pull) };
  },
};

function undefinedField(field: RootField, type: string): GqlError {
  return {
    message: `Field '${field.name}' doesn't exist on type '${type}'`,
    path: [type === "Mutation" ? "mutation" : "query", field.alias],
    locations: [{ line: field.line, column: field.column }],
  };
}

function execute(ctx: Ctx, operation: Operation, variables: Record<string, unknown>): Reply {
  const resolvers = operation.type === "mutation" ? mutations : {};
  const typeName = operation.type === "mutation" ? "Mutation" : "Query";
  const unknown = operation.fields.filter((f) => !Object.hasOwn(resolvers, f.name));
  // Schema errors stop the whole document before anything runs, as on GitHub.
  if (unknown.length > 0) return { ...ok({ errors: unknown.map((f) => undefinedField(f, typeName)) }), unhandled: true };
  const data: Record<string, unknown> = {};
  const errors: GqlError[] = [];
  for (const field of operation.fields) {
    const resolver = resolvers[field.name];
    if (!resolver) continue;
    try {
      data[field.alias] = resolver(ctx, asJson(resolveValue(field.args["input"] ?? {}, variables)));
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      data[field.alias] = null;
      errors.push({ type: error.type, path: [field.alias], locations: [{ line: field.line, column: field.column }], message: error.message });
    }
  }
  return ok(errors.length > 0 ? { data, errors } : { data });
}

function handle(ctx: Ctx): Reply {
  const query = str(ctx.body, "query");
  if (query === undefined) return ok({ errors: [{ message: "A query attribute must be specified and must be a string." }] });
  let operation: Operation;
  try {
    operation = parseOperation(query, str(ctx.body, "operationName"));
  } catch (error) {
    if (error instanceof GqlSyntaxError) return ok({ errors: [{ message: error.message }] });
    throw error;
  }
  return execute(ctx, operation, asJson(ctx.body["variables"]));
}

export const graphqlRoutes: Route[] = [installationRoute("POST", "/graphql", null, handle)];

/** Whether a logged GraphQL body is a mutation, i.e. counts as a write. */
export function isMutation(body: unknown): boolean {
  const query = str(asJson(body), "query");
  if (query === undefined) return false;
  try {
    return parseOperation(query, str(asJson(body), "operationName")).type === "mutation";
  } catch {
    return false;
  }
}
