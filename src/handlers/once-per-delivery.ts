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
  await oncePerDeliveryWith(deliveries, deliveryId, log, async () => undefined, work);
}

/**
 * The same, with the Redis reads `work` needs sent alongside the claim rather than after it: one
 * round trip instead of several on the webhook path. The reads are thrown away for a repeated delivery.
 */
export async function oncePerDeliveryWith<T>(
  deliveries: DeliveryLog,
  deliveryId: string,
  log: Logger,
  read: () => Promise<T>,
  work: (read: T) => Promise<void>,
): Promise<void> {
  const [claimed, reads] = await Promise.allSettled([deliveries.claim(deliveryId), read()]);
  if (claimed.status === "rejected") throw claimed.reason;
  const claim = claimed.value;
  if (!claim) {
    log.info("webhook delivery already handled (or being handled); skipped");
    return;
  }
  try {
    if (reads.status === "rejected") throw reads.reason;
    await work(reads.value);
  } catch (error) {
    await deliveries.release(claim).catch(() => undefined);
    throw error;
  }
  await deliveries.complete(claim);
}
