import type { DeliveryLog } from "./pull-request-store.js";

export class MemoryDeliveryLog implements DeliveryLog {
  private readonly seen = new Set<string>();

  async claim(deliveryId: string): Promise<boolean> {
    if (this.seen.has(deliveryId)) return false;
    this.seen.add(deliveryId);
    return true;
  }

  async release(deliveryId: string): Promise<void> {
    this.seen.delete(deliveryId);
  }
}
