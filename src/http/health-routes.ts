import type { IncomingMessage, ServerResponse } from "node:http";
import { withTimeout } from "../async/time-limit.js";

export interface ReadinessProbe {
  /** Resolves when the dependency answers; rejects (or times out) when it does not. */
  check(): Promise<void>;
}

const READY_TIMEOUT_MS = 1_000;

function json(res: ServerResponse, status: number, body: unknown): true {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  return true;
}

/** `/healthz`: the process is up (for restarts). `/readyz`: it can do work now (Redis answers). */
export function healthRoutes(redis: ReadinessProbe) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== "GET") return false;
    const path = (req.url ?? "").split("?")[0];
    if (path === "/healthz") return json(res, 200, { status: "ok" });
    if (path !== "/readyz") return false;
    try {
      await withTimeout(redis.check(), READY_TIMEOUT_MS);
      return json(res, 200, { status: "ready", redis: "ok" });
    } catch (error) {
      return json(res, 503, { status: "unavailable", redis: error instanceof Error ? error.message : "unreachable" });
    }
  };
}
