import type { DeliveryClaim, DeliveryLog } from "./pull-request-store.js";

/** The in-memory twin: one process, so a claim in progress cannot outlive its holder and needs no expiry. */
export class MemoryDeliveryLog implements DeliveryLog {
  private readonly done = new Set<string>();
  private readonly inProgress = new Set<string>();

  async claim(deliveryId: string): Promise<DeliveryClaim | null> {
    if (this.done.has(deliveryId) || this.inProgress.has(deliveryId)) return null;
    this.inProgress.add(deliveryId);
    return { deliveryId, token: deliveryId };
  }

  async complete(claim: DeliveryClaim): Promise<void> {
    this.inProgress.delete(claim.deliveryId);
    this.done.add(claim.deliveryId);
  }

  async release(claim: DeliveryClaim): Promise<void> {
    this.inProgress.delete(claim.deliveryId);
  }
}
