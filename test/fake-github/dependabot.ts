// Dependabot alerts, with the cursor (before/after) pagination that endpoint uses instead of pages.
import { notFound, ok, validationFailed } from "./http.js";
import { oneOf, str } from "./fields.js";
import { linkHeader, pageOf, perPage, sortBy } from "./pagination.js";
import { numParam, repoRoute, type RepoCtx, type Route } from "./router.js";
import { repoUrls } from "./serialize.js";
import type { FakeState } from "./state.js";
import type { AlertRecord, RepoRecord } from "./types.js";

export type AlertInit = Partial<Omit<AlertRecord, "package">> & { package: string };

export function newAlert(state: FakeState, repo: RepoRecord, init: AlertInit): AlertRecord {
  const number = init.number ?? Math.max(0, ...repo.alerts.keys()) + 1;
  const created = init.created_at ?? state.iso();
  const alertState = init.state ?? (init.fixed_at ? "fixed" : "open");
  const suffix = String(number).padStart(4, "0");
  const alert: AlertRecord = {
    number,
    state: alertState,
    ecosystem: init.ecosystem ?? "npm",
    package: init.package,
    manifest_path: init.manifest_path ?? "package-lock.json",
    scope: init.scope === undefined ? "runtime" : init.scope,
    ghsa_id: init.ghsa_id ?? `GHSA-fake-${suffix}-xxxx`,
    cve_id: init.cve_id ?? null,
    summary: init.summary ?? `Vulnerability in ${init.package}`,
    severity: init.severity ?? "high",
    cvss_score: init.cvss_score ?? null,
    vulnerable_version_range: init.vulnerable_version_range ?? "< 1.0.1",
    first_patched_version: init.first_patched_version === undefined ? "1.0.1" : init.first_patched_version,
    created_at: created,
    updated_at: init.updated_at ?? init.fixed_at ?? created,
    fixed_at: alertState === "fixed" ? (init.fixed_at ?? created) : null,
    dismissed_at: init.dismissed_at ?? null,
    dismissed_reason: init.dismissed_reason ?? null,
    dismissed_comment: init.dismissed_comment ?? null,
  };
  repo.alerts.set(number, alert);
  return alert;
}

export function alertJson(state: FakeState, repo: RepoRecord, a: AlertRecord): Record<string, unknown> {
  const { api, web } = repoUrls(state, repo);
  const pkg = { ecosystem: a.ecosystem, name: a.package };
  const patched = a.first_patched_version === null ? null : { identifier: a.first_patched_version };
  const vulnerability = { package: pkg, severity: a.severity, vulnerable_version_range: a.vulnerable_version_range, first_patched_version: patched };
  const identifiers = [{ type: "GHSA", value: a.ghsa_id }, ...(a.cve_id ? [{ type: "CVE", value: a.cve_id }] : [])];
  return {
    number: a.number,
    state: a.state,
    dependency: { package: pkg, manifest_path: a.manifest_path, scope: a.scope, relationship: "direct" },
    security_advisory: {
      ghsa_id: a.ghsa_id, cve_id: a.cve_id, summary: a.summary, description: a.summary,
      vulnerabilities: [vulnerability], severity: a.severity,
      cvss: { vector_string: null, score: a.cvss_score ?? 0 }, cwes: [], identifiers,
      references: [{ url: `https://github.com/advisories/${a.ghsa_id}` }],
      published_at: a.created_at, updated_at: a.updated_at, withdrawn_at: null,
    },
    security_vulnerability: vulnerability,
    url: `${api}/dependabot/alerts/${a.number}`,
    html_url: `${web}/security/dependabot/${a.number}`,
    created_at: a.created_at,
    updated_at: a.updated_at,
    dismissed_at: a.dismissed_at,
    dismissed_by: null,
    dismissed_reason: a.dismissed_reason,
    dismissed_comment: a.dismissed_comment,
    fixed_at: a.fixed_at,
    auto_dismissed_at: a.state === "auto_dismissed" ? a.updated_at : null,
  };
}

function csv(ctx: RepoCtx, key: string): string[] | null {
  const value = ctx.query.get(key);
  return value === null ? null : value.split(",").map((v) => v.trim().toLowerCase()).filter(Boolean);
}

const cursorOf = (a: AlertRecord): string => Buffer.from(`cursor:v2:${a.number}`).toString("base64url");

function list(ctx: RepoCtx): ReturnType<typeof ok> {
  const filters: [string, (a: AlertRecord) => string | null][] = [
    ["state", (a) => a.state], ["severity", (a) => a.severity], ["ecosystem", (a) => a.ecosystem],
    ["package", (a) => a.package.toLowerCase()], ["manifest", (a) => a.manifest_path.toLowerCase()], ["scope", (a) => a.scope],
  ];
  let alerts = [...ctx.repo.alerts.values()];
  for (const [key, field] of filters) {
    const wanted = csv(ctx, key);
    if (wanted) alerts = alerts.filter((a) => wanted.includes(String(field(a))));
  }
  const sort = ctx.query.get("sort") ?? "created";
  alerts = sortBy(alerts, (a) => (sort === "updated" ? a.updated_at : a.created_at), ctx.query.get("direction"), "desc");
  const render = (a: AlertRecord) => alertJson(ctx.state, ctx.repo, a);
  if (ctx.query.has("page")) {
    const page = pageOf(ctx, alerts);
    return ok(page.items.map(render), 200, page.headers);
  }
  const after = ctx.query.get("after");
  const before = ctx.query.get("before");
  const start = after ? alerts.findIndex((a) => cursorOf(a) === after) + 1 : 0;
  const end = before ? alerts.findIndex((a) => cursorOf(a) === before) : alerts.length;
  const window = alerts.slice(start, end < 0 ? alerts.length : end);
  const items = window.slice(0, perPage(ctx));
  const last = items[items.length - 1];
  const hasMore = window.length > items.length && last !== undefined;
  const links = hasMore ? [{ rel: "next", set: { after: last ? cursorOf(last) : "" } }] : [];
  return ok(items.map(render), 200, linkHeader(ctx, links));
}

function findAlert(ctx: RepoCtx): AlertRecord {
  const alert = ctx.repo.alerts.get(numParam(ctx, "number"));
  if (!alert) throw notFound();
  return alert;
}

const REASONS = ["fix_started", "inaccurate", "no_bandwidth", "not_used", "tolerable_risk"] as const;

export const dependabotRoutes: Route[] = [
  repoRoute("GET", "/dependabot/alerts", "vulnerability_alerts:read", list),
  repoRoute("GET", "/dependabot/alerts/:number", "vulnerability_alerts:read", (ctx) =>
    ok(alertJson(ctx.state, ctx.repo, findAlert(ctx)))),
  repoRoute("PATCH", "/dependabot/alerts/:number", "vulnerability_alerts:write", (ctx) => {
    const alert = findAlert(ctx);
    const next = oneOf(ctx.body, "state", ["open", "dismissed"] as const, "DependabotAlert");
    const reason = oneOf(ctx.body, "dismissed_reason", REASONS, "DependabotAlert");
    if (next === "dismissed" && !reason) {
      throw validationFailed({ resource: "DependabotAlert", field: "dismissed_reason", code: "missing_field" });
    }
    if (next) {
      alert.state = next;
      alert.dismissed_at = next === "dismissed" ? ctx.state.iso() : null;
      alert.dismissed_reason = next === "dismissed" ? (reason ?? null) : null;
      alert.dismissed_comment = next === "dismissed" ? (str(ctx.body, "dismissed_comment") ?? null) : null;
    }
    alert.updated_at = ctx.state.iso();
    return ok(alertJson(ctx.state, ctx.repo, alert));
  }),
];
