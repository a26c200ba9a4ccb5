import type { Redis } from "ioredis";
import type { DeliveryLog } from "./pull-request-store.js";
import { redisKeys, type RedisKeys } from "./redis-keys.js";

/** GitHub lets a delivery be redelivered for 3 days (7 on GHES); remember ids a little longer. */
const DELIVERY_TTL_SECONDS = 8 * 24 * 3600;

export class RedisDeliveryLog implements DeliveryLog {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    prefix?: string,
  ) {
    this.keys = redisKeys(prefix);
  }

  async claim(deliveryId: string): Promise<boolean> {
    const result = await this.redis.set(this.keys.delivery(deliveryId), "1", "EX", DELIVERY_TTL_SECONDS, "NX");
    return result === "OK";
  }

  async release(deliveryId: string): Promise<void> {
    await this.redis.del(this.keys.delivery(deliveryId));
  }
}
