import type { Logger } from "pino";
import type { DeliveryLog } from "../store/pull-request-store.js";

/**
 * Runs `work` once per delivery id. A failure releases the claim and rethrows, so the webhook is
 * answered 500 and a redelivery (by GitHub's UI, API or the app's redelivery job) can try again; a
 * process that dies mid-way leaves only an expiring lease, so a later redelivery is handled too.
 */
export async function oncePerDelivery(
  deliveries: DeliveryLog,
  deliveryId: string,
  log: Logger,
  work: () => Promise<void>,
): Promise<void> {
  const claim = await deliveries.claim(deliveryId);
  if (!claim) {
    log.info({ deliveryId }, "webhook delivery already handled (or being handled); skipped");
    return;
  }
  try {
    await work();
  } catch (error) {
    await deliveries.release(claim).catch(() => undefined);
    throw error;
  }
  await deliveries.complete(claim);
}
