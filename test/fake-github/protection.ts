// What a base branch requires before merging: classic branch protection's required status checks
// (Administration: read; 404 "Branch not protected" / "Required status checks not enabled") and the
// rules of active rulesets that apply to a branch (Metadata: read; an empty list when none apply).
import { notFound, ok, type Reply } from "./http.js";
import { paginated } from "./pagination.js";
import { param, repoRoute, type RepoCtx, type Route } from "./router.js";
import { repoUrls } from "./serialize.js";
import type { RepoRecord, RulesetRecord } from "./types.js";

function requiredChecks(ctx: RepoCtx): Reply {
  const branch = param(ctx, "branch");
  if (!ctx.repo.protection.has(branch)) throw notFound("Branch not protected");
  const checks = ctx.repo.protection.get(branch);
  if (!checks) throw notFound("Required status checks not enabled");
  const url = `${repoUrls(ctx.state, ctx.repo).api}/branches/${encodeURIComponent(branch)}/protection/required_status_checks`;
  // `contexts` lists every required context, `checks` the same with the app each must come from.
  const contexts = [...new Set([...checks.contexts, ...checks.checks.map((c) => c.context)])];
  const withApps = [...checks.checks, ...checks.contexts.filter((c) => !checks.checks.some((k) => k.context === c)).map((context) => ({ context, app_id: null }))];
  return ok({ url, strict: checks.strict, contexts, checks: withApps, contexts_url: `${url}/contexts` });
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.split("**").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*"));
  return new RegExp(`^${escaped.join(".*")}$`);
}

function matchesRef(repo: RepoRecord, pattern: string, branch: string): boolean {
  if (pattern === "~ALL") return true;
  if (pattern === "~DEFAULT_BRANCH") return branch === repo.default_branch;
  return globToRegExp(pattern).test(`refs/heads/${branch}`);
}

function applies(repo: RepoRecord, ruleset: RulesetRecord, branch: string): boolean {
  if (ruleset.enforcement !== "active") return false;
  return ruleset.include.some((p) => matchesRef(repo, p, branch)) && !ruleset.exclude.some((p) => matchesRef(repo, p, branch));
}

function rulesForBranch(ctx: RepoCtx): Reply {
  const branch = param(ctx, "branch");
  const rules = ctx.repo.rulesets.filter((r) => applies(ctx.repo, r, branch)).flatMap((ruleset) =>
    ruleset.rules.map((rule) => ({
      type: rule.type, ...(rule.parameters ? { parameters: rule.parameters } : {}),
      ruleset_source_type: "Repository", ruleset_source: ctx.repo.full_name, ruleset_id: ruleset.id,
    })));
  return paginated(ctx, rules, (rule) => rule);
}

export const protectionRoutes: Route[] = [
  repoRoute("GET", "/branches/:branch/protection/required_status_checks", "administration:read", requiredChecks),
  repoRoute("GET", "/rules/branches/:branch", "metadata:read", rulesForBranch),
];
