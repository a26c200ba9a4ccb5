// Use case "redeliver failed webhooks": list the app's deliveries back to where the last run stopped,
// and ask GitHub once per lost event (a guid with no 2xx attempt, not handled by the app, inside
// GitHub's window) to send it again. The redelivery carries the same X-GitHub-Delivery, so the app's
// delivery log handles it once: processed if the original never was, skipped if it was.
import { failedGuids, planRedeliveries, type HookDelivery } from "../domain/redelivery.js";
import { runIfFree } from "../queue/run-exclusive.js";
import type { WorkerDeps } from "./worker-deps.js";

/** Listing starts this far before the last run's newest delivery: GitHub files a delivery once its attempt
 * ended (up to 30 s on GHES), so one made earlier may appear after a newer one was listed. */
export const CURSOR_OVERLAP_MS = 60_000;
/** Longer than a run takes, even a first one listing the whole window; a crashed run frees it after this. */
const RUN_LEASE_MS = 15 * 60_000;

type Deps = Pick<WorkerDeps, "redelivery" | "redis" | "log" | "metrics" | "now">;

export async function redeliverFailedWebhooks(deps: Deps): Promise<void> {
  const ran = await runIfFree({ redis: deps.redis, leaseMs: RUN_LEASE_MS }, deps.redelivery.state.leaseKey(), () => run(deps));
  if (ran === null) {
    deps.metrics.webhookRedeliveryRuns.inc({ outcome: "busy" });
    deps.log.info("webhook redelivery already running in another process; skipped");
  }
}

const errorFields = (error: unknown) => ({
  status: (error as { status?: number }).status,
  err: { message: error instanceof Error ? error.message : String(error) },
});

async function run(deps: Deps): Promise<true> {
  const { state, windowMs } = deps.redelivery;
  const now = deps.now();
  const cursor = await state.cursor();
  const since = Math.max(now - windowMs, cursor === null ? -Infinity : cursor - CURSOR_OVERLAP_MS);
  const hooks = await deps.redelivery.hooks();
  let listed: HookDelivery[];
  let requests: number;
  try {
    const listing = await hooks.listSince(since);
    listed = listing.deliveries.filter((d) => d.deliveredAt >= since);
    requests = listing.requests;
  } catch (error) {
    deps.metrics.webhookRedeliveryRuns.inc({ outcome: "github_error" });
    deps.log.warn({ since: new Date(since).toISOString(), ...errorFields(error) }, "listing the app's webhook deliveries failed; the next run starts from the same place");
    return true;
  }
  const plan = planRedeliveries({ deliveries: listed, asked: await state.asked(), handled: await state.handled(failedGuids(listed)), now, windowMs });
  let complete = true;
  let requested = 0;
  for (const delivery of plan.redeliver) {
    const fields = {
      deliveryId: delivery.id, guid: delivery.guid, event: delivery.event, action: delivery.action,
      installationId: delivery.installationId, statusCode: delivery.statusCode, deliveredAt: new Date(delivery.deliveredAt).toISOString(),
    };
    try {
      const answer = await hooks.redeliver(delivery.id);
      // Marked once GitHub accepted (or refused for good): a crash just before leaves it to the next run.
      await state.markAsked(delivery.guid, now);
      if (answer === "requested") requested += 1;
      deps.metrics.webhookRedeliveries.inc({ outcome: answer === "requested" ? "requested" : "refused" });
      if (answer === "requested") deps.log.info(fields, "asked GitHub to redeliver a webhook that never reached the app");
      else deps.log.warn(fields, "GitHub no longer redelivers this failed webhook; not asked again");
    } catch (error) {
      // A rate limit or an outage: the rest waits for the next run, which lists from the same cursor.
      complete = false;
      deps.metrics.webhookRedeliveries.inc({ outcome: "failed" });
      deps.log.warn({ ...fields, ...errorFields(error) }, "asking GitHub to redeliver a webhook failed; the next run asks again");
      break;
    }
  }
  const newest = listed.reduce((max, d) => Math.max(max, d.deliveredAt), -Infinity);
  if (complete && Number.isFinite(newest)) await state.saveCursor(newest);
  deps.metrics.webhookRedeliveryRuns.inc({ outcome: complete ? "done" : "github_error" });
  deps.log.info(
    { since: new Date(since).toISOString(), listed: listed.length, requests, redelivered: requested, skipped: plan.skipped, complete },
    "webhook redelivery run finished",
  );
  return true;
}
