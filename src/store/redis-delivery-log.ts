import type { Redis } from "ioredis";
import type { DeliveryClaim, DeliveryLog } from "./pull-request-store.js";
import { DEFAULT_LEASE_MS, releaseLease, takeLease } from "./redis-lease.js";
import { redisKeys, type RedisKeys } from "./redis-keys.js";
import { LuaScript } from "../redis/lua-script.js";

/** GitHub lets a delivery be redelivered for 3 days (7 on GHES); remember ids a little longer. */
const DELIVERY_TTL_SECONDS = 8 * 24 * 3600;

// Done, then the lease given back if it is still this holder's: one round trip at the end of every webhook.
const COMPLETE = new LuaScript(`
redis.call('SET', KEYS[1], '1', 'EX', ARGV[2])
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
return 1
`);

export class RedisDeliveryLog implements DeliveryLog {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    prefix?: string,
    private readonly leaseMs = DEFAULT_LEASE_MS,
  ) {
    this.keys = redisKeys(prefix);
  }

  private leaseKey(deliveryId: string): string {
    return `${this.keys.delivery(deliveryId)}:lease`;
  }

  async claim(deliveryId: string): Promise<DeliveryClaim | null> {
    const answer = await takeLease(this.redis, { done: this.keys.delivery(deliveryId), lease: this.leaseKey(deliveryId) }, this.leaseMs);
    return answer.kind === "leased" ? { deliveryId, token: answer.token } : null;
  }

  async complete(claim: DeliveryClaim): Promise<void> {
    await COMPLETE.run(this.redis, [this.keys.delivery(claim.deliveryId), this.leaseKey(claim.deliveryId)], [claim.token, DELIVERY_TTL_SECONDS]);
  }

  async release(claim: DeliveryClaim): Promise<void> {
    await releaseLease(this.redis, this.leaseKey(claim.deliveryId), claim.token);
  }
}
