// `GET /metrics` for Prometheus. Behind a bearer token when METRICS_TOKEN is set; without one it is only
// served on a port of its own (METRICS_PORT), which the operator keeps off the internet, and never on the
// public webhook port.
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Registry } from "prom-client";

export const METRICS_PATH = "/metrics";

export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? "");
  if (!match) return false;
  const given = Buffer.from(match[1]?.trim() ?? "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** `token` null: no check (the dedicated metrics port). */
export function metricsRoute(registry: Registry, token: string | null) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if ((req.url ?? "").split("?")[0] !== METRICS_PATH || (req.method !== "GET" && req.method !== "HEAD")) return false;
    if (token !== null && !bearerMatches(req.headers.authorization, token)) {
      res.writeHead(401, { "content-type": "application/json", "www-authenticate": 'Bearer realm="metrics"' }).end('{"message":"Unauthorized"}');
      return true;
    }
    try {
      const body = await registry.metrics();
      res.writeHead(200, { "content-type": registry.contentType }).end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(503, { "content-type": "application/json" }).end('{"message":"metrics unavailable"}');
    }
    return true;
  };
}
