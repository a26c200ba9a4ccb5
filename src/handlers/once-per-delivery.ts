import type { Logger } from "pino";
import type { DeliveryLog } from "../store/pull-request-store.js";

/**
 * Runs `work` once per delivery id. A failure releases the claim and rethrows, so the webhook is
 * answered 500 and a redelivery (by GitHub's UI, API or our reconciliation) can try again.
 */
export async function oncePerDelivery(
  deliveries: DeliveryLog,
  deliveryId: string,
  log: Logger,
  work: () => Promise<void>,
): Promise<void> {
  if (!(await deliveries.claim(deliveryId))) {
    log.info({ deliveryId }, "webhook delivery already handled; skipped");
    return;
  }
  try {
    await work();
  } catch (error) {
    await deliveries.release(deliveryId).catch(() => undefined);
    throw error;
  }
}
