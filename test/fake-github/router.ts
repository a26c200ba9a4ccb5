// Route table: GitHub path patterns matched on raw (still percent-encoded) segments, so a label
// named "deps/major" or a contents path ".github%2Ffile.yml" resolve the way GitHub resolves them.
import type { IncomingHttpHeaders } from "node:http";
import { ApiError, badCredentials, errorBody, forbidden, notFound, type Reply } from "./http.js";
import type { Json } from "./fields.js";
import type { FakeState } from "./state.js";
import type { AccessLevel, RepoRecord } from "./types.js";

export type Caller =
  | { kind: "none" }
  | { kind: "app"; issuer: string }
  | { kind: "installation"; installationId: number; permissions: Record<string, AccessLevel> }
  | { kind: "bad-jwt"; reason: string }
  | { kind: "unknown-token" };

export interface Ctx {
  state: FakeState;
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Json;
  rawBody: unknown;
  headers: IncomingHttpHeaders;
  caller: Caller;
  installationId: number | null;
  /** path after /api/v3, as sent (still encoded): used to build Link headers */
  rawPath: string;
}

export interface RepoCtx extends Ctx {
  repo: RepoRecord;
}

type Segment = { literal: string } | { param: string } | { rest: string };

export interface Route {
  method: string;
  segments: Segment[];
  handle(ctx: Ctx): Reply | Promise<Reply>;
}

function compile(pattern: string): Segment[] {
  return pattern.split("/").filter(Boolean).map((part) => {
    if (part.startsWith("*")) return { rest: part.slice(1) };
    if (part.startsWith(":")) return { param: part.slice(1) };
    return { literal: part };
  });
}

export function matchRoute(
  routes: readonly Route[], method: string, rawPath: string,
): { route: Route; params: Record<string, string> } | undefined {
  const parts = rawPath.split("/").filter(Boolean);
  let best: { route: Route; params: Record<string, string>; literals: number } | undefined;
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchSegments(route.segments, parts);
    // The most literal pattern wins, so /issues/comments is never taken for /issues/:number.
    const literals = route.segments.filter((s) => "literal" in s).length;
    if (params && (!best || literals > best.literals)) best = { route, params, literals };
  }
  return best && { route: best.route, params: best.params };
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [i, segment] of segments.entries()) {
    if ("rest" in segment) {
      if (i >= parts.length) return undefined;
      params[segment.rest] = parts.slice(i).map(safeDecode).join("/");
      return params;
    }
    const part = parts[i];
    if (part === undefined) return undefined;
    if ("literal" in segment) {
      if (segment.literal !== part) return undefined;
    } else {
      params[segment.param] = safeDecode(part);
    }
  }
  return segments.length === parts.length ? params : undefined;
}

export function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function param(ctx: Ctx, name: string): string {
  const value = ctx.params[name];
  if (value === undefined) throw new Error(`fake-github: route has no :${name}`);
  return value;
}

/** A non-numeric `:number` is a path GitHub does not serve. */
export function numParam(ctx: Ctx, name: string): number {
  const value = Number(param(ctx, name));
  if (!Number.isInteger(value) || value < 0) throw notFound();
  return value;
}

const LEVELS: Record<AccessLevel, number> = { read: 1, write: 2, admin: 3 };

/** `"issues|pull_requests:write"`: any one of the named permissions at that level or above. */
export function hasPermission(ctx: Ctx, spec: string): boolean {
  const [namesPart = "", level = "read"] = spec.split(":");
  if (ctx.caller.kind !== "installation") return false;
  const permissions = ctx.caller.permissions;
  const needed = LEVELS[level as AccessLevel];
  return namesPart.split("|").some((name) => {
    const has = name === "metadata" ? "read" : permissions[name];
    return has !== undefined && LEVELS[has] >= needed;
  });
}

function checkPermission(ctx: Ctx, spec: string): void {
  if (!hasPermission(ctx, spec)) throw forbidden();
}

function requireInstallation(ctx: Ctx): void {
  const caller = ctx.caller;
  if (caller.kind === "none") throw new ApiError(errorBody("Requires authentication", 401));
  if (caller.kind !== "installation") throw badCredentials();
  const installation = ctx.state.installations.get(caller.installationId);
  if (installation?.suspended_at) throw forbidden("This installation has been suspended");
}

function requireApp(ctx: Ctx): void {
  const caller = ctx.caller;
  if (caller.kind === "none") throw new ApiError(errorBody("Requires authentication", 401));
  if (caller.kind === "bad-jwt") throw new ApiError(errorBody(caller.reason, 401));
  if (caller.kind !== "app") throw new ApiError(errorBody("A JSON web token could not be decoded", 401));
}

type Handler<C extends Ctx> = (ctx: C) => Reply | Promise<Reply>;

export function appRoute(method: string, pattern: string, handle: Handler<Ctx>): Route {
  return { method, segments: compile(pattern), handle: (ctx) => (requireApp(ctx), handle(ctx)) };
}

export function publicRoute(method: string, pattern: string, handle: Handler<Ctx>): Route {
  return { method, segments: compile(pattern), handle };
}

export function installationRoute(
  method: string, pattern: string, permission: string | null, handle: Handler<Ctx>,
): Route {
  return {
    method, segments: compile(pattern),
    handle: (ctx) => {
      requireInstallation(ctx);
      if (permission) checkPermission(ctx, permission);
      return handle(ctx);
    },
  };
}

/**
 * A route under /repos/:owner/:repo. Another installation's private repo is invisible (404) as on
 * GitHub; its public repo is readable but not writable.
 */
export function repoRoute(method: string, pattern: string, permission: string, handle: Handler<RepoCtx>): Route {
  return installationRoute(method, `/repos/:owner/:repo${pattern}`, null, (ctx) => {
    const repo = ctx.state.repo(`${param(ctx, "owner")}/${param(ctx, "repo")}`);
    if (!repo) throw notFound();
    const isRead = method === "GET";
    if (repo.installationId !== ctx.installationId) {
      if (repo.private) throw notFound();
      if (!isRead) throw forbidden();
    } else {
      checkPermission(ctx, permission);
    }
    if (repo.archived && !isRead) throw forbidden("Repository was archived so is read-only.");
    return handle({ ...ctx, repo });
  });
}
