// Counts webhook deliveries by how they were answered, at the HTTP edge: no Redis, one listener per request.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { DeliveryLog } from "../store/pull-request-store.js";
import type { AppMetrics, WebhookRejection } from "./app-metrics.js";

// The event name labels only accepted deliveries (their signature proved GitHub sent them), and only when
// it looks like one of GitHub's names: a label value must never come from an arbitrary sender.
const EVENT_NAME = /^[a-z_]{1,40}$/;

function rejection(status: number): WebhookRejection {
  if (status === 415) return "unsupported_media_type";
  if (status >= 500) return "handler_error";
  if (status >= 400) return "bad_request";
  return "other";
}

export function countWebhook(req: IncomingMessage, res: ServerResponse, metrics: Pick<AppMetrics, "webhooksReceived" | "webhooksRejected">): void {
  res.once("finish", () => {
    if (res.statusCode >= 200 && res.statusCode < 300) {
      const event = req.headers["x-github-event"];
      metrics.webhooksReceived.inc({ event: typeof event === "string" && EVENT_NAME.test(event) ? event : "other" });
    } else {
      metrics.webhooksRejected.inc({ reason: rejection(res.statusCode) });
    }
  });
}

/** A delivery log that counts the deliveries it turns away as already handled. */
export function countingDeliveries(log: DeliveryLog, metrics: Pick<AppMetrics, "webhooksDuplicate">): DeliveryLog {
  return {
    claim: async (deliveryId) => {
      const claim = await log.claim(deliveryId);
      if (!claim) metrics.webhooksDuplicate.inc();
      return claim;
    },
    complete: (claim) => log.complete(claim),
    release: (claim) => log.release(claim),
  };
}
