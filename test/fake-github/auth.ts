// App (JWT) and installation-token authentication, and the /app/* routes that issue tokens.
import { randomBytes } from "node:crypto";
import { ApiError, errorBody, forbidden, notFound, ok, type Reply } from "./http.js";
import { asJson } from "./fields.js";
import { pageOf } from "./pagination.js";
import { appRoute, installationRoute, numParam, param, type Caller, type Route } from "./router.js";
import { appJson, repoJson, userJson } from "./serialize.js";
import type { FakeState } from "./state.js";
import type { AccessLevel, InstallationRecord } from "./types.js";

function decodeJwtPayload(jwt: string): Record<string, unknown> | null {
  const payload = jwt.split(".")[1];
  if (payload === undefined) return null;
  try {
    return asJson(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
  } catch {
    return null;
  }
}

/**
 * Who is calling. The JWT signature is not verified (the fake has no public key); its `iss` and
 * `exp` are checked because those are what a misconfigured app gets wrong.
 */
export function resolveCaller(state: FakeState, authorization: string | undefined): Caller {
  if (!authorization) return { kind: "none" };
  const credential = authorization.trim().split(/\s+/)[1] ?? "";
  if (/^eyJ[\w-]*\.[\w-]+\.[\w-]*$/.test(credential)) {
    const payload = decodeJwtPayload(credential);
    if (!payload) return { kind: "bad-jwt", reason: "A JSON web token could not be decoded" };
    const iss = payload["iss"];
    if (iss === undefined || iss === null || iss === "") {
      return { kind: "bad-jwt", reason: "'Issuer' claim ('iss') must be an Integer" };
    }
    const expected = state.config.expectedIssuer;
    if (expected !== null && String(iss) !== String(expected)) return { kind: "bad-jwt", reason: "Integration not found" };
    const exp = payload["exp"];
    if (typeof exp !== "number" || exp * 1000 < Date.now()) {
      return {
        kind: "bad-jwt",
        reason: "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
      };
    }
    return { kind: "app", issuer: String(iss) };
  }
  const token = state.tokens.get(credential);
  if (!token) return { kind: "unknown-token" };
  return { kind: "installation", installationId: token.installationId, permissions: token.permissions };
}

/** Mint a token for an installation, as POST /app/installations/{id}/access_tokens does. */
export function mintToken(state: FakeState, installation: InstallationRecord, permissions?: Record<string, AccessLevel>): {
  token: string; expiresAt: string; permissions: Record<string, AccessLevel>;
} {
  const token = `ghs_${randomBytes(27).toString("base64url").replace(/[-_]/g, "x").slice(0, 36)}`;
  // Real time, not the fake clock: @octokit/auth-app compares it with the wall clock when caching.
  const expiresAt = new Date(Date.now() + 3600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
  const granted = permissions ?? installation.permissions;
  state.tokens.set(token, { installationId: installation.id, expiresAt, permissions: granted });
  return { token, expiresAt, permissions: granted };
}

export function installationJson(state: FakeState, installation: InstallationRecord): Record<string, unknown> {
  const api = state.config.apiUrl;
  return {
    id: installation.id,
    account: userJson(state, installation.account),
    repository_selection: "all",
    access_tokens_url: `${api}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${api}/installation/repositories`,
    html_url: `${state.config.webUrl}/organizations/${installation.account.login}/settings/installations/${installation.id}`,
    app_id: state.config.appId,
    app_slug: state.config.appSlug,
    target_id: installation.account.id,
    target_type: installation.account.type,
    permissions: installation.permissions,
    events: installation.events,
    created_at: installation.created_at,
    updated_at: installation.created_at,
    single_file_name: null,
    suspended_at: installation.suspended_at,
    suspended_by: null,
  };
}

const LEVELS: Record<string, number> = { read: 1, write: 2, admin: 3 };

function requestedPermissions(body: unknown, installation: InstallationRecord): Record<string, AccessLevel> | undefined {
  const requested = asJson(asJson(body)["permissions"]);
  const entries = Object.entries(requested);
  if (entries.length === 0) return undefined;
  for (const [name, level] of entries) {
    const has = installation.permissions[name];
    if (has === undefined || (LEVELS[String(level)] ?? 99) > (LEVELS[has] ?? 0)) {
      throw new ApiError(errorBody("The permissions requested are not granted to this installation.", 422));
    }
  }
  return requested as Record<string, AccessLevel>;
}

function installationFor(state: FakeState, login: string): Reply {
  const installation = [...state.installations.values()].find(
    (i) => i.account.login.toLowerCase() === login.toLowerCase(),
  );
  if (!installation) throw notFound();
  return ok(installationJson(state, installation));
}

export const authRoutes: Route[] = [
  appRoute("POST", "/app/installations/:id/access_tokens", (ctx) => {
    const installation = ctx.state.installations.get(numParam(ctx, "id"));
    if (!installation) throw notFound();
    if (installation.suspended_at) throw forbidden("This installation has been suspended");
    const minted = mintToken(ctx.state, installation, requestedPermissions(ctx.rawBody, installation));
    return ok({
      token: minted.token, expires_at: minted.expiresAt, permissions: minted.permissions, repository_selection: "all",
    }, 201);
  }),
  appRoute("GET", "/app", (ctx) => ok({ ...appJson(ctx.state), installations_count: ctx.state.installations.size })),
  appRoute("GET", "/app/installations", (ctx) => {
    const page = pageOf(ctx, [...ctx.state.installations.values()]);
    return ok(page.items.map((i) => installationJson(ctx.state, i)), 200, page.headers);
  }),
  appRoute("GET", "/app/installations/:id", (ctx) => {
    const installation = ctx.state.installations.get(numParam(ctx, "id"));
    if (!installation) throw notFound();
    return ok(installationJson(ctx.state, installation));
  }),
  appRoute("GET", "/repos/:owner/:repo/installation", (ctx) => {
    const repo = ctx.state.repo(`${param(ctx, "owner")}/${param(ctx, "repo")}`);
    const installation = repo?.installationId == null ? undefined : ctx.state.installations.get(repo.installationId);
    if (!installation) throw notFound();
    return ok(installationJson(ctx.state, installation));
  }),
  appRoute("GET", "/orgs/:org/installation", (ctx) => installationFor(ctx.state, param(ctx, "org"))),
  appRoute("GET", "/users/:username/installation", (ctx) => installationFor(ctx.state, param(ctx, "username"))),
  installationRoute("GET", "/installation/repositories", null, (ctx) => {
    const repos = [...ctx.state.repos.values()].filter((r) => r.installationId === ctx.installationId);
    const page = pageOf(ctx, repos);
    return ok({
      total_count: repos.length,
      repository_selection: "all",
      repositories: page.items.map((r) => repoJson(ctx.state, r, true)),
    }, 200, page.headers);
  }),
];
