// The app's webhook and its deliveries (GitHub's "Webhook deliveries" REST API for apps, JWT only):
// GET /app/hook/deliveries (newest first, cursor pages), GET /app/hook/deliveries/{id}, and
// POST /app/hook/deliveries/{id}/attempts, which answers 202 and then really re-sends the signed
// payload to the app with the same X-GitHub-Delivery guid, recorded as a new delivery (redelivery: true).
import { createHmac, randomUUID } from "node:crypto";
import { ApiError, errorBody, notFound, ok, type Reply } from "./http.js";
import { linkHeader, perPage } from "./pagination.js";
import { appRoute, numParam, type Ctx, type Route } from "./router.js";
import type { FakeState } from "./state.js";
import type { Timestamp } from "./types.js";

type Payload = Record<string, unknown>;

export interface HookDeliveryRecord {
  id: number;
  guid: string;
  delivered_at: Timestamp;
  redelivery: boolean;
  /** seconds */
  duration: number;
  status: string;
  status_code: number;
  event: string;
  action: string | null;
  installation_id: number | null;
  repository_id: number | null;
  url: string;
  request: { headers: Record<string, string>; payload: Payload };
  response: { headers: Record<string, string>; payload: string | null };
}

export interface RecordedDeliveryInit {
  guid?: string;
  /** default 502 "failed to connect", the outcome GitHub's docs show for an app that is down; 2xx: "OK" */
  status_code?: number;
  status?: string;
  delivered_at?: Timestamp;
  redelivery?: boolean;
}

const DAY_MS = 24 * 3600_000;
/** GitHub waits 10 s for an answer (GHES: 30 s). */
const TIMEOUT_MS = 10_000;

const str = (value: unknown): string | null => (typeof value === "string" ? value : null);
const idOf = (value: unknown): number | null => {
  const id = (value as { id?: unknown } | null | undefined)?.id;
  return typeof id === "number" ? id : null;
};

export class AppWebhook {
  /** Oldest first, as recorded. */
  readonly deliveries: HookDeliveryRecord[] = [];
  /** Where GitHub sends the app's webhooks, and the secret it signs them with. */
  target: { url: string; secret: string } | null = null;
  /** How far back POST …/attempts is accepted: 3 days on github.com, 7 on GHES (which this fake serves as). */
  windowMs = 7 * DAY_MS;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly state: FakeState) {}

  private headersFor(event: string, guid: string, body: string, secret: string): Record<string, string> {
    return {
      "content-type": "application/json",
      "user-agent": "GitHub-Hookshot/fake",
      "x-github-event": event,
      "x-github-delivery": guid,
      "x-github-hook-id": "1",
      "x-github-hook-installation-target-id": String(this.state.config.appId),
      "x-github-hook-installation-target-type": "integration",
      "x-hub-signature": `sha1=${createHmac("sha1", secret).update(body).digest("hex")}`,
      "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
    };
  }

  private record(init: Omit<HookDeliveryRecord, "id" | "action" | "installation_id" | "repository_id" | "url"> & { url?: string }): HookDeliveryRecord {
    const payload = init.request.payload;
    const delivery: HookDeliveryRecord = {
      id: this.state.nextId("hookDelivery"),
      ...init,
      action: str(payload["action"]),
      installation_id: idOf(payload["installation"]),
      repository_id: idOf(payload["repository"]),
      url: init.url ?? this.target?.url ?? "",
    };
    this.deliveries.push(delivery);
    return delivery;
  }

  /** Sends the event to the app as GitHub does and records how it went. */
  async deliver(event: string, payload: Payload, opts: { guid?: string; redelivery?: boolean } = {}): Promise<HookDeliveryRecord> {
    const target = this.target;
    if (!target) throw new Error("fake-github: no app webhook; call setAppWebhook first");
    const guid = opts.guid ?? randomUUID();
    const body = JSON.stringify(payload);
    const headers = this.headersFor(event, guid, body, target.secret);
    const delivered_at = this.state.iso();
    const started = Date.now();
    let outcome: { status: string; status_code: number; headers: Record<string, string>; payload: string | null };
    try {
      const res = await fetch(target.url, { method: "POST", headers, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
      const text = await res.text();
      outcome = {
        status: res.ok ? "OK" : `Invalid HTTP Response: ${res.status}`, status_code: res.status,
        headers: Object.fromEntries(res.headers), payload: text,
      };
    } catch (error) {
      const timedOut = (error as { name?: string }).name === "TimeoutError";
      outcome = { status: timedOut ? "timed out" : "failed to connect", status_code: timedOut ? 0 : 502, headers: {}, payload: null };
    }
    return this.record({
      guid, delivered_at, redelivery: opts.redelivery ?? false, duration: (Date.now() - started) / 1000,
      status: outcome.status, status_code: outcome.status_code, event,
      request: { headers, payload }, response: { headers: outcome.headers, payload: outcome.payload },
    });
  }

  /** A delivery as GitHub logged it, never sent: by default one that never reached the app (it was down). */
  recordDelivery(event: string, payload: Payload, init: RecordedDeliveryInit = {}): HookDeliveryRecord {
    const guid = init.guid ?? randomUUID();
    const body = JSON.stringify(payload);
    return this.record({
      guid, delivered_at: init.delivered_at ?? this.state.iso(), redelivery: init.redelivery ?? false, duration: 0.01,
      status: init.status ?? statusText(init.status_code),
      status_code: init.status_code ?? 502, event,
      request: { headers: this.headersFor(event, guid, body, this.target?.secret ?? ""), payload },
      response: { headers: {}, payload: null },
    });
  }

  /** Sends a recorded delivery's payload again under its guid, as POST …/attempts (or the UI's Redeliver) does. */
  redeliver(id: number): Promise<HookDeliveryRecord> {
    const original = this.find(id);
    if (!original) throw new Error(`fake-github: no hook delivery ${id}`);
    return this.deliver(original.event, original.request.payload, { guid: original.guid, redelivery: true });
  }

  find(id: number): HookDeliveryRecord | undefined {
    return this.deliveries.find((d) => d.id === id);
  }

  /** Resolves once every redelivery GitHub accepted has been sent and recorded. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private startRedelivery(id: number): void {
    const sending = this.redeliver(id).catch((error: unknown) => console.error("fake-github: redelivery failed", error));
    this.inFlight.add(sending);
    void sending.finally(() => this.inFlight.delete(sending));
  }

  /** Newest first; ties (same second) by id, newest first. */
  private newestFirst(): HookDeliveryRecord[] {
    return [...this.deliveries].sort((a, b) => (a.delivered_at < b.delivered_at ? 1 : a.delivered_at > b.delivered_at ? -1 : b.id - a.id));
  }

  private list(ctx: Ctx): Reply {
    const wanted = ctx.query.get("status");
    if (wanted !== null && wanted !== "success" && wanted !== "failure") {
      throw new ApiError(errorBody("Validation Failed", 422, { errors: [{ resource: "HookDelivery", field: "status", code: "invalid" }] }));
    }
    // As documented: success is a status_code in 200–399, failure in 400–599 (a refused connection is neither).
    const inClass = (d: HookDeliveryRecord): boolean =>
      wanted === null || (wanted === "success" ? d.status_code >= 200 && d.status_code < 400 : d.status_code >= 400 && d.status_code < 600);
    const all = this.newestFirst().filter(inClass);
    const cursor = ctx.query.get("cursor");
    const start = cursor === null ? 0 : all.findIndex((d) => `v1_${d.id}` === cursor);
    if (start < 0) return ok([]);
    const size = perPage(ctx);
    const items = all.slice(start, start + size);
    const next = all[start + size];
    const links = next ? [{ rel: "next", set: { cursor: `v1_${next.id}` } }] : [];
    return ok(items.map(itemJson), 200, linkHeader(ctx, links));
  }

  routes(): Route[] {
    return [
      appRoute("GET", "/app/hook/deliveries", (ctx) => this.list(ctx)),
      appRoute("GET", "/app/hook/deliveries/:id", (ctx) => {
        const delivery = this.find(numParam(ctx, "id"));
        if (!delivery) throw notFound();
        return ok({ ...itemJson(delivery), url: delivery.url, request: delivery.request, response: delivery.response });
      }),
      appRoute("POST", "/app/hook/deliveries/:id/attempts", (ctx) => {
        const delivery = this.find(numParam(ctx, "id"));
        if (!delivery) throw notFound();
        if (Date.parse(delivery.delivered_at) < this.state.now().getTime() - this.windowMs) {
          throw new ApiError(errorBody("Validation Failed", 422, { errors: [{ resource: "HookDelivery", code: "custom", message: "delivery is too old to redeliver" }] }));
        }
        if (!this.target) throw new ApiError(errorBody("Validation Failed", 422, { errors: [{ resource: "Hook", code: "missing" }] }));
        this.startRedelivery(delivery.id);
        return ok({}, 202);
      }),
    ];
  }
}

function statusText(code: number | undefined): string {
  if (code === undefined) return "failed to connect";
  return code >= 200 && code < 300 ? "OK" : `Invalid HTTP Response: ${code}`;
}

function itemJson(d: HookDeliveryRecord): Record<string, unknown> {
  return {
    id: d.id, guid: d.guid, delivered_at: d.delivered_at, redelivery: d.redelivery, duration: d.duration, status: d.status,
    status_code: d.status_code, event: d.event, action: d.action, installation_id: d.installation_id, repository_id: d.repository_id,
    throttled_at: null,
  };
}

