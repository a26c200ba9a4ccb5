import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { webhookShapeProblem } from "./webhook-shape.js";

interface Verifier {
  verify(payload: string, signature: string): Promise<boolean>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function answer(res: ServerResponse, status: number, body: unknown): true {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  return true;
}

const JSON_TYPE = /^\s*application\/json\s*(?:;|$)/u;

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return typeof value === "string" ? value : undefined;
};

/**
 * Sits in front of Probot's webhook middleware. A delivery GitHub signed whose payload the handlers cannot
 * use is answered here with one log line: 400 when it is not JSON, 202 (accepted, nothing to do) when it
 * lacks what the app reads, so it is neither recorded nor retried. Everything else, unsigned deliveries
 * included, goes on to Probot with the body already read (its middleware takes a string `req.body` as is).
 */
export function malformedWebhookGuard(webhookPath: string, webhooks: Verifier, log: Logger) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== "POST" || (req.url ?? "").split("?")[0] !== webhookPath) return false;
    const event = header(req, "x-github-event");
    const signature = header(req, "x-hub-signature-256");
    const deliveryId = header(req, "x-github-delivery");
    if (!event || !signature || !deliveryId || !JSON_TYPE.test(header(req, "content-type") ?? "")) return false;
    const body = await readBody(req);
    (req as IncomingMessage & { body?: string }).body = body;
    if (!(await webhooks.verify(body, signature).catch(() => false))) return false;
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      log.warn({ deliveryId, event }, "webhook payload is not JSON; refused");
      return answer(res, 400, { error: "Invalid JSON" });
    }
    const problem = webhookShapeProblem(event, payload);
    if (problem === null) return false;
    const action = (payload as { action?: unknown } | null)?.action;
    log.warn({ deliveryId, event, action: typeof action === "string" ? action : undefined, problem }, "malformed webhook payload; ignored");
    return answer(res, 202, { ignored: problem });
  };
}
