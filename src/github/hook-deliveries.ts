// The app's webhook deliveries as GitHub recorded them, read and redelivered as the app itself (JWT),
// not as an installation: the calls count against the app's own rate limit, never an installation's.
import type { HookDelivery } from "../domain/redelivery.js";

export interface DeliveryListing {
  /** Newest first, back to (and including) the first delivery older than `since`, or to GitHub's end. */
  deliveries: HookDelivery[];
  /** GET requests it took (per_page=100). */
  requests: number;
}

export interface HookDeliveries {
  /** Every delivery made at or after `since` (epoch ms). Throws on any error: a partial list is no list. */
  listSince(since: number): Promise<DeliveryListing>;
  /** Asks GitHub to send the delivery again; "gone" when GitHub refuses for good (too old, unknown id). */
  redeliver(deliveryId: number): Promise<"requested" | "gone">;
}
