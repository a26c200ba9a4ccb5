// The HTTP front: body parsing, auth, injected faults, rate limits, routing, headers and the log.
import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { resolveCaller } from "./auth.js";
import { ApiError, DOCS, errorBody, type Reply } from "./http.js";
import { asJson } from "./fields.js";
import type { FaultQueue } from "./faults.js";
import { callerKey, type RateLimits } from "./rate-limit.js";
import type { RequestLog } from "./request-log.js";
import { matchRoute, safeDecode, type Caller, type Route } from "./router.js";
import type { FakeState } from "./state.js";

export interface ServerParts {
  state: FakeState;
  routes: Route[];
  log: RequestLog;
  faults: FaultQueue;
  limits: RateLimits;
  latency?: { method?: string; path: RegExp; ms: number }[];
}

/** /api/v3/x → /x, /api/graphql → /graphql; null for paths outside the API. */
function apiPath(pathname: string): string | null {
  if (pathname === "/api/graphql" || pathname === "/api/v3/graphql") return "/graphql";
  if (pathname === "/api/v3" || pathname === "/api/v3/") return "/";
  if (pathname.startsWith("/api/v3/")) return pathname.slice("/api/v3".length);
  return null;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const notImplemented = (): Reply => ({
  status: 404, json: { message: "Not Found", documentation_url: DOCS, status: "404" }, unhandled: true,
});

async function route(
  parts: ServerParts, req: IncomingMessage, rawPath: string, url: URL, rawBody: unknown, caller: Caller,
): Promise<Reply> {
  const method = req.method ?? "GET";
  const match = matchRoute(parts.routes, method, rawPath);
  if (!match) return notImplemented();
  try {
    return await match.route.handle({
      state: parts.state, method, params: match.params, query: url.searchParams, body: asJson(rawBody), rawBody,
      headers: req.headers, caller, installationId: caller.kind === "installation" ? caller.installationId : null, rawPath,
    });
  } catch (error) {
    if (error instanceof ApiError) return error.reply;
    // A bug in the fake must not look like a GitHub answer the app could "handle".
    console.error("fake-github: handler crashed", error);
    return errorBody(`fake-github crashed: ${error instanceof Error ? error.message : String(error)}`, 500);
  }
}

function etagFor(reply: Reply): string {
  return `W/"${createHash("sha1").update(JSON.stringify(reply.json ?? reply.text ?? "")).digest("hex")}"`;
}

export function createRequestHandler(parts: ServerParts): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handleRequest(parts, req, res).catch((error: unknown) => {
      console.error("fake-github: request failed", error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  };
}

async function handleRequest(parts: ServerParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const text = await readBody(req);
  const url = new URL(req.url ?? "/", "http://fake");
  const method = req.method ?? "GET";
  const rawPath = apiPath(url.pathname);
  const path = safeDecode(rawPath ?? url.pathname);
  const caller = resolveCaller(parts.state, req.headers.authorization);
  const key = callerKey(caller);
  let body: unknown = null;
  let reply: Reply | undefined;
  let injected = false;
  try {
    body = text === "" ? null : JSON.parse(text);
  } catch {
    reply = errorBody("Problems parsing JSON", 400);
  }
  if (!reply) {
    reply = parts.faults.take(method, path);
    injected = reply !== undefined;
  }
  const logAs = (status: number, unhandled: boolean): void =>
    parts.log.add({
      method, path, query: Object.fromEntries(url.searchParams), body,
      installationId: caller.kind === "installation" ? caller.installationId : null,
      status, at: new Date(), unhandled, injected,
    });
  if (reply?.hang) return logAs(0, false); // left open; close() cuts it

  if (!reply && parts.limits.exhausted(key)) {
    const id = caller.kind === "installation" ? caller.installationId : 0;
    reply = errorBody(`API rate limit exceeded for installation ID ${id}.`, 403);
  }
  const slow = parts.latency?.find((l) => (l.method === undefined || l.method === method) && (l.path.lastIndex = 0, l.path.test(path)));
  if (slow) await new Promise((resolve) => setTimeout(resolve, slow.ms));
  reply ??= rawPath === null ? notImplemented() : await route(parts, req, rawPath, url, body, caller);

  let status = reply.status;
  const etag = method === "GET" && status === 200 ? etagFor(reply) : undefined;
  // A conditional request answered 304 does not count against the rate limit, as on GitHub.
  const notModified = etag !== undefined && req.headers["if-none-match"] === etag;
  if (notModified) status = 304;
  else if (path !== "/rate_limit") parts.limits.count(key);

  const headers: Record<string, string> = {
    "x-github-request-id": randomBytes(8).toString("hex").toUpperCase(),
    "x-github-api-version-selected": "2022-11-28",
    "x-github-media-type": reply.text === undefined ? "github.v3; format=json" : "github.v3; param=raw",
    ...parts.limits.headers(key, path === "/graphql" ? "graphql" : "core"),
    ...(etag ? { etag } : {}),
    ...reply.headers,
  };
  let payload = "";
  if (status !== 204 && status !== 304) {
    if (reply.text !== undefined) {
      headers["content-type"] = "text/plain; charset=utf-8";
      payload = reply.text;
    } else if (reply.json !== undefined) {
      headers["content-type"] = "application/json; charset=utf-8";
      payload = JSON.stringify(reply.json);
    }
  }
  // Logged before the answer leaves, so a test awaiting the client call always finds its record.
  logAs(status, reply.unhandled === true);
  res.writeHead(status, headers).end(payload);
}
